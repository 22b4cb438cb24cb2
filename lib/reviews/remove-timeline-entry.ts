// Removes an entry from the review's timeline.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { notFound, parseInput } from "../errors";
import { requireStatus, reviewForAction } from "./review-access";
import { ZRemoveTimelineEntry } from "./schemas";

export async function removeTimelineEntry(prisma: Db, actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(ZRemoveTimelineEntry, input);
  await prisma.$transaction(async (tx) => {
    const review = await reviewForAction(tx, actor, data.reviewId, "reviews.edit");
    requireStatus(review, ["DRAFTING"], "the timeline is edited during the joint review");
    const entry = await tx.reviewTimelineEntry.findFirst({ where: { id: data.entryId, reviewId: review.id }, select: { occurredAt: true, message: true } });
    if (!entry) throw notFound("The timeline entry");
    await tx.reviewTimelineEntry.delete({ where: { id: data.entryId } });
    await recordAuditEvent(tx, actor, { action: "review.remove-timeline", entityType: "PostIncidentReview", entityId: review.id, before: { entryId: data.entryId, ...entry } });
  });
  await requestSeal(prisma);
}
