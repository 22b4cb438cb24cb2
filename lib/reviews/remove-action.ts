// Removes an action before the review is published.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { notFound, parseInput } from "../errors";
import { requireStatus, reviewForAction } from "./review-access";
import { ZRemoveAction } from "./schemas";

export async function removeAction(prisma: Db, actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(ZRemoveAction, input);
  await prisma.$transaction(async (tx) => {
    const review = await reviewForAction(tx, actor, data.reviewId, "reviews.edit");
    requireStatus(review, ["DRAFTING"], "actions are agreed during the joint review");
    const action = await tx.reviewAction.findFirst({ where: { id: data.actionId, reviewId: review.id }, select: { title: true, ownerId: true } });
    if (!action) throw notFound("The action");
    await tx.reviewAction.delete({ where: { id: data.actionId } });
    await recordAuditEvent(tx, actor, { action: "review.remove-action", entityType: "PostIncidentReview", entityId: review.id, before: { actionId: data.actionId, ...action } });
  });
  await requestSeal(prisma);
}
