// Removes a contributing factor; actions that addressed it keep their place, without a factor.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { notFound, parseInput } from "../errors";
import { requireStatus, reviewForAction } from "./review-access";
import { ZRemoveFactor } from "./schemas";

export async function removeFactor(prisma: Db, actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(ZRemoveFactor, input);
  await prisma.$transaction(async (tx) => {
    const review = await reviewForAction(tx, actor, data.reviewId, "reviews.edit");
    requireStatus(review, ["DRAFTING"], "factors are written during the joint review");
    const factor = await tx.contributingFactor.findFirst({ where: { id: data.factorId, reviewId: review.id }, select: { kind: true, description: true, tags: true } });
    if (!factor) throw notFound("The contributing factor");
    await tx.contributingFactor.delete({ where: { id: data.factorId } });
    await recordAuditEvent(tx, actor, { action: "review.remove-factor", entityType: "PostIncidentReview", entityId: review.id, before: { factorId: data.factorId, ...factor } });
  });
  await requestSeal(prisma);
}
