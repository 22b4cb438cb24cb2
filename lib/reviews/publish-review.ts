// Publishing the joint review to the whole organisation: the impact figures are computed from the
// incident and frozen; the review's tags become its own ∪ its factors'; each action is checked against
// earlier published reviews of the same service (repeat-rule.ts) and linked to the one it repeats;
// review.published carries the actions to the owning team's backlog. Publishing the review of a
// resolved incident closes the incident ("closed once reviewed"), in the same transaction.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { AppError, parseInput } from "../errors";
import { emitEvent } from "../events/emit";
import { moveIncident } from "../incidents/move-incident";
import { reviewHref, reviewLabel } from "./paths";
import { currentImpact } from "./queries";
import { findRepeat } from "./repeat-rule";
import { requireStatus, reviewForAction } from "./review-access";
import { ZReviewRef } from "./schemas";

export type PublishResult = { repeats: { actionId: string; repeatOfId: string }[]; closedIncident: boolean };

export async function publishReview(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<PublishResult> {
  const data = parseInput(ZReviewRef, input);
  const result = await prisma.$transaction(async (tx) => {
    const review = await reviewForAction(tx, actor, data.reviewId, "reviews.edit");
    requireStatus(review, ["DRAFTING"], "only a review being drafted can be published");
    const row = await tx.postIncidentReview.findUniqueOrThrow({
      where: { id: review.id },
      select: {
        title: true, summary: true, tags: true,
        service: { select: { id: true, slug: true, name: true } }, team: { select: { id: true, name: true } },
        factors: { select: { tags: true } },
        actions: { select: { id: true, title: true, ownerId: true, dueAt: true, factor: { select: { tags: true } } }, orderBy: { createdAt: "asc" } },
      },
    });
    if (!row.summary.trim()) throw AppError.validation({ summary: ["Write the summary before publishing."] });
    const impact = await currentImpact(tx, review.incidentId, now);
    const tags = [...new Set([...row.tags, ...row.factors.flatMap((factor) => factor.tags)])].sort();

    const earlier = await tx.reviewAction.findMany({
      where: { review: { serviceId: review.serviceId, status: "PUBLISHED", id: { not: review.id } } },
      select: { id: true, title: true, factor: { select: { tags: true } }, review: { select: { publishedAt: true } } },
      take: 5000,
    });
    const candidates = earlier.map((action) => ({ id: action.id, title: action.title, factorTags: action.factor?.tags ?? [], publishedAt: action.review.publishedAt ?? new Date(0) }));
    const repeats: PublishResult["repeats"] = [];
    for (const action of row.actions) {
      const match = findRepeat({ title: action.title, factorTags: action.factor?.tags ?? [] }, candidates);
      await tx.reviewAction.update({ where: { id: action.id }, data: { repeatOfId: match?.actionId ?? null } });
      if (match) repeats.push({ actionId: action.id, repeatOfId: match.actionId });
    }

    await tx.postIncidentReview.update({
      where: { id: review.id },
      data: {
        status: "PUBLISHED", publishedAt: now, publishedById: actor.kind === "PERSON" ? actor.id : null, tags,
        availabilityLostMinutes: impact.availabilityLostMinutes, budgetSpentMinutes: impact.budgetSpentMinutes, estimatedLoss: impact.estimatedLoss,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "review.publish",
      entityType: "PostIncidentReview",
      entityId: review.id,
      before: { status: "DRAFTING" },
      after: { status: "PUBLISHED", number: review.number, tags, actions: row.actions.length, repeats: repeats.length, ...impact },
    });
    const by = actor.kind === "PERSON" ? { id: actor.id, name: actor.name } : { id: null, name: "Runwell" };
    await emitEvent(tx, "review.published", { entityType: "PostIncidentReview", entityId: review.id, serviceId: review.serviceId, teamId: review.teamId }, {
      review: { id: review.id, number: review.number, title: row.title, href: reviewHref(review.id) },
      service: row.service,
      team: row.team,
      actions: row.actions.map((action) => ({ id: action.id, title: action.title, ownerId: action.ownerId, dueAt: action.dueAt?.toISOString() ?? null })),
      by,
    });
    const incident = await tx.incident.findUniqueOrThrow({ where: { id: review.incidentId }, select: { status: true } });
    const closedIncident = incident.status === "RESOLVED";
    if (closedIncident) await moveIncident(tx, actor, review.incidentId, "CLOSED", now, `its review ${reviewLabel(review.number)} is published`);
    return { repeats, closedIncident };
  });
  await requestSeal(prisma);
  return result;
}
