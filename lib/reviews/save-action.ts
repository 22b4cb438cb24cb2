// Adds or edits an improvement action: title, description, owner, due date and the factor it addresses.
// On publishing it becomes an item of the owning team's backlog (lib/backlog, from review.published).
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { AppError, notFound, parseInput } from "../errors";
import { dueInstant } from "./dates";
import { requireStatus, reviewForAction } from "./review-access";
import { ZSaveAction } from "./schemas";

export async function saveAction(prisma: Db, actor: Actor, input: unknown): Promise<{ id: string }> {
  const data = parseInput(ZSaveAction, input);
  const result = await prisma.$transaction(async (tx) => {
    const review = await reviewForAction(tx, actor, data.reviewId, "reviews.edit");
    requireStatus(review, ["DRAFTING"], "actions are agreed during the joint review");
    if (data.ownerId) {
      const owner = await tx.person.findUnique({ where: { id: data.ownerId }, select: { deactivatedAt: true } });
      if (!owner || owner.deactivatedAt) throw AppError.validation({ ownerId: ["Pick an active person as the owner."] });
    }
    if (data.factorId && !(await tx.contributingFactor.count({ where: { id: data.factorId, reviewId: review.id } }))) {
      throw AppError.validation({ factorId: ["Pick one of this review's contributing factors."] });
    }
    const fields = { title: data.title, description: data.description, ownerId: data.ownerId ?? null, dueAt: dueInstant(data.dueAt) ?? null, factorId: data.factorId ?? null };
    if (data.actionId) {
      const before = await tx.reviewAction.findFirst({ where: { id: data.actionId, reviewId: review.id }, select: { title: true, description: true, ownerId: true, dueAt: true, factorId: true } });
      if (!before) throw notFound("The action");
      await tx.reviewAction.update({ where: { id: data.actionId }, data: fields });
      await recordAuditEvent(tx, actor, { action: "review.edit-action", entityType: "PostIncidentReview", entityId: review.id, before, after: { actionId: data.actionId, ...fields } });
      return { id: data.actionId };
    }
    const created = await tx.reviewAction.create({ data: { reviewId: review.id, ...fields }, select: { id: true } });
    await recordAuditEvent(tx, actor, { action: "review.add-action", entityType: "PostIncidentReview", entityId: review.id, after: { actionId: created.id, ...fields } });
    return created;
  });
  await requestSeal(prisma);
  return result;
}
