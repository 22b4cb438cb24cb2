// The facilitator (or anyone who may edit the review) invites someone else to take part.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { AppError, parseInput } from "../errors";
import { requireStatus, reviewForAction } from "./review-access";
import { ZInviteParticipant } from "./schemas";

export async function inviteParticipant(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<"invited" | "replay"> {
  const data = parseInput(ZInviteParticipant, input);
  const result = await prisma.$transaction(async (tx) => {
    const review = await reviewForAction(tx, actor, data.reviewId, "reviews.edit");
    requireStatus(review, ["COLLECTING", "DRAFTING"], "participants can no longer be invited");
    const person = await tx.person.findUnique({ where: { id: data.personId }, select: { id: true, deactivatedAt: true } });
    if (!person || person.deactivatedAt) throw AppError.validation({ personId: ["Pick an active person."] });
    const added = await tx.reviewParticipant.createMany({ data: [{ reviewId: review.id, personId: person.id, invitedAt: now }], skipDuplicates: true });
    if (added.count === 0) return "replay" as const;
    await recordAuditEvent(tx, actor, { action: "review.invite-participant", entityType: "PostIncidentReview", entityId: review.id, after: { personId: person.id } });
    return "invited" as const;
  });
  if (result === "invited") await requestSeal(prisma);
  return result;
}
