// Adds or edits a contributing factor, human or technical, with its tags. There is no root cause: a
// review lists as many factors as it found.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { notFound, parseInput } from "../errors";
import { requireStatus, reviewForAction } from "./review-access";
import { ZSaveFactor } from "./schemas";

export async function saveFactor(prisma: Db, actor: Actor, input: unknown): Promise<{ id: string }> {
  const data = parseInput(ZSaveFactor, input);
  const result = await prisma.$transaction(async (tx) => {
    const review = await reviewForAction(tx, actor, data.reviewId, "reviews.edit");
    requireStatus(review, ["DRAFTING"], "factors are written during the joint review");
    const fields = { kind: data.kind, description: data.description, tags: data.tags };
    if (data.factorId) {
      const before = await tx.contributingFactor.findFirst({ where: { id: data.factorId, reviewId: review.id }, select: { kind: true, description: true, tags: true } });
      if (!before) throw notFound("The contributing factor");
      await tx.contributingFactor.update({ where: { id: data.factorId }, data: fields });
      await recordAuditEvent(tx, actor, { action: "review.edit-factor", entityType: "PostIncidentReview", entityId: review.id, before, after: { factorId: data.factorId, ...fields } });
      return { id: data.factorId };
    }
    const created = await tx.contributingFactor.create({ data: { reviewId: review.id, ...fields }, select: { id: true } });
    await recordAuditEvent(tx, actor, { action: "review.add-factor", entityType: "PostIncidentReview", entityId: review.id, after: { factorId: created.id, ...fields } });
    return created;
  });
  await requestSeal(prisma);
  return result;
}
