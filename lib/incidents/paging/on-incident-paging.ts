// The rota hears of incidents: a new, reopened or reassigned incident starts a round of pages for its
// responding service (or is held until the next working day when nothing covers it now), and a major
// incident reaches every live schedule's on-call person. Runs in the event dispatcher's transaction;
// the escalations and the release of a held incident are jobs (paging-jobs.ts).
import { DateTime } from "luxon";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { DbTx } from "../../db";
import { parseEvent, type DomainEventRecord } from "../../events/catalogue";
import type { EventHandlerContext, Subscriber } from "../../events/subscribers";
import { deliverNotice } from "../../notifications/notifier";
import { addTimelineEntries } from "../timeline";
import { firstPagePlan } from "./escalation-rules";
import { everyOnCallPrimary, rotaFacts } from "./rota-facts";
import { lockIncident, PAGING_ACTOR, RELEASE_QUEUE, sendPages, type Enqueue } from "./send-pages";

export type Clock = () => Date;

/**
 * Starts a round of pages for the incident's responding service at `now`, or holds it. `pageEvenIfAcknowledged`:
 * a reassigned incident pages its new team even when the old team had acknowledged it.
 */
export async function startRound(tx: DbTx, incidentId: string, now: Date, enqueue: Enqueue, options: { pageEvenIfAcknowledged?: boolean } = {}): Promise<"paged" | "held" | "skipped"> {
  const incident = await lockIncident(tx, incidentId);
  if (!incident) return "skipped";
  const open = ["TRIGGERED", "ACKNOWLEDGED", "MITIGATED"].includes(incident.status);
  if (incident.status !== "TRIGGERED" && !(options.pageEvenIfAcknowledged && open)) return "skipped";
  const facts = await rotaFacts(tx, incident.serviceId, now);
  const plan = firstPagePlan(facts, now);
  if (plan.kind === "hold") {
    await hold(tx, { id: incident.id, serviceId: incident.serviceId }, plan.until, plan.reason, facts.team.name, facts.teamSchedule?.hours.timeZone ?? facts.domainSchedule?.hours.timeZone ?? "Europe/London", now, enqueue);
    return "held";
  }
  const sent = await sendPages(tx, plan.pages, { incidentId: incident.id, serviceId: incident.serviceId, roundStart: now, step: 0, delays: facts.delays }, now, enqueue);
  if (incident.heldUntil) await tx.incident.update({ where: { id: incident.id }, data: { heldUntil: null }, select: { id: true } });
  return sent.length ? "paged" : "skipped";
}

/** Holds the incident until `until`, says so on the timeline and in the audit trail, and queues its release. */
export async function hold(tx: DbTx, incident: { id: string; serviceId: string }, until: Date, reason: string, teamName: string, timeZone: string, now: Date, enqueue: Enqueue): Promise<void> {
  await tx.incident.update({ where: { id: incident.id }, data: { heldUntil: until }, select: { id: true } });
  const local = DateTime.fromJSDate(until, { zone: timeZone }).toFormat("ccc d LLL HH:mm");
  await addTimelineEntries(tx, incident.id, PAGING_ACTOR, [{ kind: "HELD", message: `Held until ${local} (${timeZone}): ${reason} ${teamName} is paged then.`, occurredAt: now }]);
  await recordAuditEvent(tx, PAGING_ACTOR, { action: "incident.hold", entityType: "Incident", entityId: incident.id, after: { heldUntil: until, reason } });
  await enqueue(RELEASE_QUEUE, { incidentId: incident.id, serviceId: incident.serviceId, heldUntil: until.toISOString() }, { startAfter: until, singletonKey: `${incident.id}:held:${until.getTime()}` });
}

/** A major incident reaches the person on call now on every live schedule (team and domain). */
async function tellEveryOnCallTeam(event: DomainEventRecord, context: EventHandlerContext, now: Date): Promise<void> {
  const major = parseEvent(event, "incident.major-declared");
  if (!major) return;
  const onCall = await everyOnCallPrimary(context.tx, now);
  const { incident } = major;
  await deliverNotice(event, {
    kind: "incident.major-declared",
    personIds: onCall.map((row) => row.personId),
    title: `Major incident INC-${incident.number} on ${incident.service.name}: ${incident.title}`,
    body: `${major.by.name} declared a major incident; ${incident.team.name} responds. You hear of it because you are on call now.`,
    href: incident.href,
  }, context);
}

export function incidentPaging(clock: Clock = () => new Date()): Subscriber {
  return {
    name: "paging:incidents",
    types: ["incident.triggered", "incident.reopened", "incident.reassigned", "incident.major-declared"],
    async handle(event, context) {
      if (event.type === "incident.major-declared") return tellEveryOnCallTeam(event, context, clock());
      const payload = parseEvent(event, "incident.triggered") ?? parseEvent(event, "incident.reopened") ?? parseEvent(event, "incident.reassigned");
      if (!payload) return;
      await startRound(context.tx, payload.incident.id, clock(), context.enqueue, { pageEvenIfAcknowledged: event.type === "incident.reassigned" });
    },
  };
}

export const incidentPagingSubscriber = incidentPaging();
