// The review a use case acts on, with what authorisation needs: the owning team and whether the actor
// takes part. Locks the row (FOR UPDATE) so status moves and edits of one review queue behind each other.
import type { Actor } from "../auth/actor";
import { authorize } from "../authz/can";
import type { Permission } from "../authz/permissions";
import type { DbTx } from "../db";
import { conflict, notFound } from "../errors";
import type { ReviewStatus } from "../generated/prisma/enums.ts";

export type ReviewForAction = {
  id: string;
  number: number;
  status: ReviewStatus;
  teamId: string;
  serviceId: string;
  incidentId: string;
  facilitatorId: string | null;
  isParticipant: boolean;
};

export async function reviewForAction(tx: DbTx, actor: Actor, reviewId: string, permission: Permission): Promise<ReviewForAction> {
  await tx.$executeRaw`SELECT 1 FROM "PostIncidentReview" WHERE id = ${reviewId} FOR UPDATE`;
  const review = await tx.postIncidentReview.findUnique({
    where: { id: reviewId },
    select: { id: true, number: true, status: true, teamId: true, serviceId: true, incidentId: true, facilitatorId: true },
  });
  if (!review) throw notFound("The review");
  const isParticipant = actor.kind === "PERSON" && (await tx.reviewParticipant.count({ where: { reviewId, personId: actor.id } })) > 0;
  authorize(actor, permission, { teamId: review.teamId, isReviewParticipant: isParticipant });
  return { ...review, isParticipant };
}

const STATUS_WORDS: Record<ReviewStatus, string> = { COLLECTING: "collecting analyses", DRAFTING: "being drafted", PUBLISHED: "published" };

/** Refuses unless the review is in one of `allowed`, with the reason on `status`. */
export function requireStatus(review: { status: ReviewStatus }, allowed: readonly ReviewStatus[], what: string): void {
  if (allowed.includes(review.status)) return;
  const message = `The review is ${STATUS_WORDS[review.status]}: ${what}.`;
  throw conflict(message, { status: [message] });
}
