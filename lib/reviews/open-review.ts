// Opening a review for an incident, whoever asks (the major-incident subscriber, a person's "Schedule
// a review", the demo seed): one row per incident (incidentId is unique, and the insert does nothing
// when one exists, so concurrent schedulers make one review), its default participants, the audit
// event and review.scheduled (which notifies the participants), in the caller's transaction.
import { randomUUID } from "node:crypto";
import { actorId, type Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { DbTx } from "../db";
import { emitEvent } from "../events/emit";
import { incidentHref } from "../incidents/incident-events";
import { reviewHref } from "./paths";
import { teamWorkingCalendar } from "./review-calendar";
import { addWorkingDays, DEFAULT_REVIEW_WORKING_DAYS } from "./working-days";

export type OpenedReview = { id: string; number: number; created: boolean };

/**
 * Who takes part by default: the incident's role holders, the people paged, whoever declared it, and
 * the facilitator. Adds those not yet there; returns the ids added.
 */
export async function syncDefaultParticipants(tx: DbTx, reviewId: string, incidentId: string, now: Date): Promise<string[]> {
  const [incident, review] = await Promise.all([
    tx.incident.findUniqueOrThrow({
      where: { id: incidentId },
      select: { declaredById: true, roles: { select: { personId: true } }, pages: { where: { personId: { not: null } }, select: { personId: true } } },
    }),
    tx.postIncidentReview.findUniqueOrThrow({ where: { id: reviewId }, select: { facilitatorId: true, participants: { select: { personId: true } } } }),
  ]);
  const wanted = new Set<string>([
    ...incident.roles.map((role) => role.personId),
    ...incident.pages.map((page) => page.personId!),
    ...(incident.declaredById ? [incident.declaredById] : []),
    ...(review.facilitatorId ? [review.facilitatorId] : []),
  ]);
  for (const participant of review.participants) wanted.delete(participant.personId);
  if (wanted.size === 0) return [];
  const active = await tx.person.findMany({ where: { id: { in: [...wanted] }, deactivatedAt: null }, select: { id: true } });
  await tx.reviewParticipant.createMany({ data: active.map((person) => ({ reviewId, personId: person.id, invitedAt: now })), skipDuplicates: true });
  return active.map((person) => person.id);
}

/** The commander, else the first product manager of the team. */
async function defaultFacilitator(tx: DbTx, incidentId: string, teamId: string): Promise<string | null> {
  const commander = await tx.incidentRole.findFirst({ where: { incidentId, role: "COMMANDER", person: { deactivatedAt: null } }, select: { personId: true }, orderBy: { assignedAt: "asc" } });
  if (commander) return commander.personId;
  const pm = await tx.teamMembership.findFirst({ where: { teamId, person: { role: "PRODUCT_MANAGER", deactivatedAt: null } }, select: { personId: true }, orderBy: { createdAt: "asc" } });
  return pm?.personId ?? null;
}

export async function openReview(tx: DbTx, actor: Actor, input: { incidentId: string; dueAt?: Date; now: Date }): Promise<OpenedReview> {
  const incident = await tx.incident.findUniqueOrThrow({
    where: { id: input.incidentId },
    select: { id: true, number: true, title: true, serviceId: true, service: { select: { id: true, slug: true, name: true, teamId: true, team: { select: { id: true, name: true } } } } },
  });
  const existing = await tx.postIncidentReview.findUnique({ where: { incidentId: incident.id }, select: { id: true, number: true } });
  if (existing) return { ...existing, created: false };
  const team = incident.service.team;
  const dueAt = input.dueAt ?? addWorkingDays(input.now, DEFAULT_REVIEW_WORKING_DAYS, await teamWorkingCalendar(tx, team.id, input.now));
  const id = randomUUID();
  const title = `INC-${incident.number}: ${incident.title}`;
  const facilitatorId = await defaultFacilitator(tx, incident.id, team.id);
  const inserted = await tx.postIncidentReview.createMany({
    data: [{ id, incidentId: incident.id, serviceId: incident.serviceId, teamId: team.id, title, tags: [], dueAt, scheduledAt: input.now, scheduledById: actor.kind === "PERSON" ? actorId(actor) : null, facilitatorId }],
    skipDuplicates: true,
  });
  if (inserted.count === 0) {
    const raced = await tx.postIncidentReview.findUniqueOrThrow({ where: { incidentId: incident.id }, select: { id: true, number: true } });
    return { ...raced, created: false };
  }
  const { number } = await tx.postIncidentReview.findUniqueOrThrow({ where: { id }, select: { number: true } });
  await syncDefaultParticipants(tx, id, incident.id, input.now);
  const participants = await tx.reviewParticipant.findMany({ where: { reviewId: id }, select: { person: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" }, take: 200 });
  await recordAuditEvent(tx, actor, {
    action: "review.schedule",
    entityType: "PostIncidentReview",
    entityId: id,
    after: { number, incidentId: incident.id, incidentNumber: incident.number, serviceId: incident.serviceId, teamId: team.id, dueAt, facilitatorId, participantIds: participants.map((p) => p.person.id), automatic: actor.kind !== "PERSON" },
  });
  const by = actor.kind === "PERSON" ? { id: actor.id, name: actor.name } : { id: null, name: "Runwell" };
  await emitEvent(tx, "review.scheduled", { entityType: "PostIncidentReview", entityId: id, serviceId: incident.serviceId, teamId: team.id }, {
    review: { id, number, title, href: reviewHref(id) },
    incident: { id: incident.id, number: incident.number, title: incident.title, href: incidentHref(incident.id) },
    service: { id: incident.service.id, slug: incident.service.slug, name: incident.service.name },
    team,
    dueAt: dueAt.toISOString(),
    participants: participants.map((p) => p.person),
    by,
  });
  return { id, number, created: true };
}
