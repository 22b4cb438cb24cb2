// The joint review starts: COLLECTING → DRAFTING, and the incident's timeline is copied in as the
// starting point of the review's own timeline, which the reviewers then edit freely.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { parseInput } from "../errors";
import { requireStatus, reviewForAction } from "./review-access";
import { ZReviewRef } from "./schemas";

export async function startDrafting(prisma: Db, actor: Actor, input: unknown): Promise<{ timelineEntries: number }> {
  const data = parseInput(ZReviewRef, input);
  const result = await prisma.$transaction(async (tx) => {
    const review = await reviewForAction(tx, actor, data.reviewId, "reviews.edit");
    requireStatus(review, ["COLLECTING"], "the joint review has already started");
    const entries = await tx.incidentTimelineEntry.findMany({ where: { incidentId: review.incidentId }, select: { id: true, occurredAt: true, message: true }, orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }], take: 1000 });
    await tx.reviewTimelineEntry.createMany({ data: entries.map((entry) => ({ reviewId: review.id, occurredAt: entry.occurredAt, message: entry.message, incidentEntryId: entry.id })) });
    await tx.postIncidentReview.update({ where: { id: review.id }, data: { status: "DRAFTING" } });
    const shared = await tx.reviewParticipant.count({ where: { reviewId: review.id, sharedAt: { not: null } } });
    await recordAuditEvent(tx, actor, { action: "review.start-drafting", entityType: "PostIncidentReview", entityId: review.id, before: { status: "COLLECTING" }, after: { status: "DRAFTING", timelineEntries: entries.length, sharedAnalyses: shared } });
    return { timelineEntries: entries.length };
  });
  await requestSeal(prisma);
  return result;
}
