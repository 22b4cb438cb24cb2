// A participant shares their analysis with the others: from now on it is shown beside theirs.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { AppError, parseInput } from "../errors";
import { requireStatus, reviewForAction } from "./review-access";
import { ZReviewRef } from "./schemas";

export async function shareAnalysis(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<"shared" | "replay"> {
  const data = parseInput(ZReviewRef, input);
  const result = await prisma.$transaction(async (tx) => {
    const review = await reviewForAction(tx, actor, data.reviewId, "reviews.contribute");
    requireStatus(review, ["COLLECTING", "DRAFTING"], "analyses can no longer be shared");
    const personId = actor.kind === "PERSON" ? actor.id : "";
    const mine = await tx.reviewParticipant.findUniqueOrThrow({ where: { reviewId_personId: { reviewId: review.id, personId } }, select: { analysis: true, sharedAt: true } });
    if (mine.sharedAt) return "replay" as const;
    if (!mine.analysis.trim()) throw AppError.validation({ analysis: ["Write your analysis before you share it."] });
    await tx.reviewParticipant.update({ where: { reviewId_personId: { reviewId: review.id, personId } }, data: { sharedAt: now } });
    await recordAuditEvent(tx, actor, { action: "review.share-analysis", entityType: "PostIncidentReview", entityId: review.id, after: { personId } });
    return "shared" as const;
  });
  if (result === "shared") await requestSeal(prisma);
  return result;
}
