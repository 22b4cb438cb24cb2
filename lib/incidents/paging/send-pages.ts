// Writing pages, in the caller's transaction (the event subscriber's or a paging job's): the
// IncidentPage rows, a PAGE or ESCALATED timeline entry, the audit event and an `incident.paged`
// domain event per page (the notices and webhooks hear of it from there), and the next escalation job.
//
// A page is sent once per round. A round starts with the first page of a new, reopened or reassigned
// incident (`roundStart`); every writer locks the incident row first, so two processes running the
// same job take turns, and the second finds the page already there. (incidentId, level, personId) is
// unique: a reopened incident that pages the same person at the same level renews their page
// (pagedAt moves, the acknowledgement clears; a callout once counted stays counted).
import type { Actor } from "../../auth/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { DbTx } from "../../db";
import type { EventHandlerContext } from "../../events/subscribers";
import { emitIncidentEvent, incidentPayload } from "../incident-events";
import { addTimelineEntries, type TimelineEntry } from "../timeline";
import { escalationDueAt, escalationsLeft, type EscalationDelays, type PageLevel, type PageTarget } from "./escalation-rules";

/** Pages and escalations are Runwell's own doing. */
export const PAGING_ACTOR: Actor = { kind: "SYSTEM", label: "system:paging" };

export const ESCALATE_QUEUE = "incident.escalate";
export const RELEASE_QUEUE = "incident.release-held";

export type Enqueue = EventHandlerContext["enqueue"];

/** Locks the incident row for the rest of the transaction and returns what paging decides on. */
export async function lockIncident(tx: DbTx, incidentId: string) {
  await tx.$queryRaw`SELECT id FROM "Incident" WHERE id = ${incidentId} FOR UPDATE`;
  return tx.incident.findUnique({ where: { id: incidentId }, select: { id: true, status: true, serviceId: true, heldUntil: true } });
}

/** The pages of the round that started at `roundStart`: who was paged, and the highest level reached. */
export async function roundSoFar(tx: DbTx, incidentId: string, roundStart: Date): Promise<{ highestLevel: PageLevel | -1; levels: number; pagedPersonIds: Set<string>; teamPaged: Set<string> }> {
  const pages = await tx.incidentPage.findMany({ where: { incidentId, pagedAt: { gte: roundStart } }, select: { level: true, personId: true, teamId: true } });
  return {
    highestLevel: Math.max(-1, ...pages.map((page) => page.level)) as PageLevel | -1,
    /** The first page's level and one per escalation since. */
    levels: new Set(pages.map((page) => page.level)).size,
    pagedPersonIds: new Set(pages.flatMap((page) => (page.personId ? [page.personId] : []))),
    teamPaged: new Set(pages.flatMap((page) => (page.teamId && !page.personId ? [page.teamId] : []))),
  };
}

/**
 * Whether the round that started at `roundStart` still stands: the incident is still triggered, with
 * the same service, and nobody moved or reassigned it since (an acknowledgement, a reopen or a
 * reassignment ends the round; a reopen or reassignment starts a new one).
 */
export async function roundStands(tx: DbTx, incident: { id: string; status: string; serviceId: string }, round: { serviceId: string; roundStart: Date }): Promise<boolean> {
  if (incident.status !== "TRIGGERED" || incident.serviceId !== round.serviceId) return false;
  const moved = await tx.incidentTimelineEntry.findFirst({
    where: { incidentId: incident.id, kind: { in: ["STATUS", "ACKNOWLEDGED", "REASSIGNED"] }, occurredAt: { gt: round.roundStart } },
    select: { id: true },
  });
  return moved === null;
}

type Round = { incidentId: string; serviceId: string; roundStart: Date; step: number; delays: EscalationDelays };

/**
 * Sends `pages` (all of one level) as step `round.step` of the round (0: the first page) and queues the
 * next escalation. Returns the pages actually sent: none when another process sent them first.
 */
export async function sendPages(tx: DbTx, pages: readonly PageTarget[], round: Round, now: Date, enqueue: Enqueue): Promise<PageTarget[]> {
  const sent: PageTarget[] = [];
  for (const page of pages) {
    if (await writePage(tx, round.incidentId, page, round.roundStart, now)) sent.push(page);
  }
  if (sent.length === 0) return sent;
  const names = await namesOf(tx, sent);
  const minutes = Math.round((now.getTime() - round.roundStart.getTime()) / 60_000);
  const entries: TimelineEntry[] = sent.map((page) => {
    const who = page.personId ? (names.get(page.personId) ?? "someone") : `every member of ${names.get(page.teamId ?? "") ?? "the team"}`;
    return page.level === 0
      ? { kind: "PAGE", message: `Paged ${who}: ${page.reason}.`, occurredAt: now }
      : { kind: "ESCALATED", message: `Nobody acknowledged in ${minutes} minute${minutes === 1 ? "" : "s"}: escalated to ${who}, ${page.reason}.`, occurredAt: now };
  });
  await addTimelineEntries(tx, round.incidentId, PAGING_ACTOR, entries);
  const incident = await incidentPayload(tx, round.incidentId);
  for (const page of sent) {
    await recordAuditEvent(tx, PAGING_ACTOR, {
      action: page.level === 0 ? "incident.page" : "incident.escalate",
      entityType: "Incident",
      entityId: round.incidentId,
      after: { level: page.level, personId: page.personId, teamId: page.teamId, scheduleId: page.scheduleId, reason: page.reason, outOfHours: page.outOfHours, number: incident.number, title: incident.title },
    });
    await emitIncidentEvent(tx, "incident.paged", incident, {
      person: page.personId ? { id: page.personId, name: names.get(page.personId) ?? "someone" } : null,
      team: page.teamId ? { id: page.teamId, name: names.get(page.teamId) ?? "the team" } : null,
      level: page.level,
      reason: page.reason,
      outOfHours: page.outOfHours,
    });
  }
  const level = sent[0]!.level;
  if (escalationsLeft(level) > 0) {
    const step = round.step + 1;
    await enqueue(ESCALATE_QUEUE, { incidentId: round.incidentId, serviceId: round.serviceId, roundStart: round.roundStart.toISOString(), step }, {
      startAfter: escalationDueAt(round.roundStart, step, round.delays),
      singletonKey: `${round.incidentId}:${round.roundStart.getTime()}:${step}`,
    });
  }
  return sent;
}

/** Writes one page unless this round already has it; true when written. */
async function writePage(tx: DbTx, incidentId: string, page: PageTarget, roundStart: Date, now: Date): Promise<boolean> {
  const data = { level: page.level, reason: page.reason, outOfHours: page.outOfHours, scheduleId: page.scheduleId, pagedAt: now, acknowledgedAt: null };
  if (!page.personId) {
    const already = await tx.incidentPage.findFirst({ where: { incidentId, personId: null, teamId: page.teamId, level: page.level, pagedAt: { gte: roundStart } }, select: { id: true } });
    if (already) return false;
    await tx.incidentPage.create({ data: { incidentId, teamId: page.teamId, ...data }, select: { id: true } });
    return true;
  }
  const key = { incidentId_level_personId: { incidentId, level: page.level, personId: page.personId } };
  const existing = await tx.incidentPage.findUnique({ where: key, select: { pagedAt: true, outOfHours: true } });
  if (!existing) {
    await tx.incidentPage.create({ data: { incidentId, personId: page.personId, ...data }, select: { id: true } });
    return true;
  }
  if (existing.pagedAt >= roundStart) return false;
  // A renewed page (the incident was reopened): a callout it already counted stays counted.
  await tx.incidentPage.update({ where: key, data: { ...data, outOfHours: existing.outOfHours || page.outOfHours }, select: { id: true } });
  return true;
}

async function namesOf(tx: DbTx, pages: readonly PageTarget[]): Promise<Map<string, string>> {
  const personIds = pages.flatMap((page) => (page.personId ? [page.personId] : []));
  const teamIds = pages.flatMap((page) => (page.teamId ? [page.teamId] : []));
  const people = personIds.length ? await tx.person.findMany({ where: { id: { in: personIds } }, select: { id: true, name: true } }) : [];
  const teams = teamIds.length ? await tx.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true } }) : [];
  return new Map([...people, ...teams].map((row) => [row.id, row.name]));
}
