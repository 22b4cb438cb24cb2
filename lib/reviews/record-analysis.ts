// A participant writes (or rewrites) their own analysis. Nobody else sees it until they share it, so
// the audit trail records that they wrote one and how long it is, never its words.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { parseInput } from "../errors";
import { requireStatus, reviewForAction } from "./review-access";
import { ZRecordAnalysis } from "./schemas";

export async function recordAnalysis(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<{ shared: boolean }> {
  const data = parseInput(ZRecordAnalysis, input);
  const result = await prisma.$transaction(async (tx) => {
    const review = await reviewForAction(tx, actor, data.reviewId, "reviews.contribute");
    requireStatus(review, ["COLLECTING", "DRAFTING"], "analyses can no longer be changed");
    const personId = actor.kind === "PERSON" ? actor.id : "";
    const before = await tx.reviewParticipant.findUniqueOrThrow({ where: { reviewId_personId: { reviewId: review.id, personId } }, select: { analysis: true, sharedAt: true } });
    await tx.reviewParticipant.update({ where: { reviewId_personId: { reviewId: review.id, personId } }, data: { analysis: data.analysis, analysisUpdatedAt: now } });
    await recordAuditEvent(tx, actor, {
      action: "review.record-analysis",
      entityType: "PostIncidentReview",
      entityId: review.id,
      after: { personId, characters: data.analysis.length, rewritten: before.analysis.length > 0, shared: before.sharedAt !== null },
    });
    return { shared: before.sharedAt !== null };
  });
  await requestSeal(prisma);
  return result;
}
