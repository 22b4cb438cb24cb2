// "Schedule a review" on a minor incident's page (a major one gets its review automatically:
// on-major-incident.ts). The owning team's members, product managers and incident managers may ask;
// asking twice finds the review already there.
import type { Actor } from "../auth/actor";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { AppError, notFound, parseInput } from "../errors";
import { dueInstant } from "./dates";
import { openReview, type OpenedReview } from "./open-review";
import { ZScheduleReview } from "./schemas";

export async function scheduleReview(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<OpenedReview> {
  const data = parseInput(ZScheduleReview, input);
  const dueAt = dueInstant(data.dueAt);
  if (dueAt && dueAt.getTime() <= now.getTime()) throw AppError.validation({ dueAt: ["The due date is in the past: give a later one."] });
  const opened = await prisma.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { id: data.incidentId }, select: { id: true, teamId: true, service: { select: { teamId: true } } } });
    if (!incident) throw notFound("The incident");
    authorize(actor, "reviews.schedule", { teamId: incident.service.teamId });
    return openReview(tx, actor, { incidentId: incident.id, dueAt, now });
  });
  if (opened.created) await requestSeal(prisma);
  return opened;
}
