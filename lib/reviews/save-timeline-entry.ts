// Adds an entry to the review's timeline, or edits one (pulled from the incident or added by hand).
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { notFound, parseInput } from "../errors";
import { requireStatus, reviewForAction } from "./review-access";
import { ZSaveTimelineEntry } from "./schemas";

export async function saveTimelineEntry(prisma: Db, actor: Actor, input: unknown): Promise<{ id: string }> {
  const data = parseInput(ZSaveTimelineEntry, input);
  const result = await prisma.$transaction(async (tx) => {
    const review = await reviewForAction(tx, actor, data.reviewId, "reviews.edit");
    requireStatus(review, ["DRAFTING"], "the timeline is edited during the joint review");
    const occurredAt = new Date(data.occurredAt);
    if (data.entryId) {
      const before = await tx.reviewTimelineEntry.findFirst({ where: { id: data.entryId, reviewId: review.id }, select: { occurredAt: true, message: true } });
      if (!before) throw notFound("The timeline entry");
      await tx.reviewTimelineEntry.update({ where: { id: data.entryId }, data: { occurredAt, message: data.message } });
      await recordAuditEvent(tx, actor, { action: "review.edit-timeline", entityType: "PostIncidentReview", entityId: review.id, before, after: { entryId: data.entryId, occurredAt, message: data.message } });
      return { id: data.entryId };
    }
    const created = await tx.reviewTimelineEntry.create({ data: { reviewId: review.id, occurredAt, message: data.message }, select: { id: true } });
    await recordAuditEvent(tx, actor, { action: "review.add-timeline", entityType: "PostIncidentReview", entityId: review.id, after: { entryId: created.id, occurredAt, message: data.message } });
    return created;
  });
  await requestSeal(prisma);
  return result;
}
