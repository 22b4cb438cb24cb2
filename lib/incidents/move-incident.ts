// Moving an incident along its lifecycle, for every caller (a responder's button, an acknowledge
// link, the API, an alert resolving): stamps, the availability window, the timeline, the audit event
// and the domain event, in the caller's transaction.
import type { Actor } from "../auth/actor";
import type { AuditAction } from "../audit/audit-actions";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { DbTx } from "../db";
import { conflict } from "../errors";
import type { IncidentStatus } from "../generated/prisma/enums.ts";
import { emitIncidentEvent, incidentPayload } from "./incident-events";
import { closingRefusal } from "../reviews/closing-rule";
import { refusal, stampsAfter, STATUS_WORDS, transitionOutcome } from "./status-transitions";
import { addTimelineEntries, timelineActor } from "./timeline";

const ACTIONS = {
  TRIGGERED: "incident.reopen",
  ACKNOWLEDGED: "incident.acknowledge",
  MITIGATED: "incident.mitigate",
  RESOLVED: "incident.resolve",
  CLOSED: "incident.close",
} as const satisfies Record<IncidentStatus, AuditAction>;

const EVENTS = {
  TRIGGERED: "incident.reopened",
  ACKNOWLEDGED: "incident.acknowledged",
  MITIGATED: "incident.mitigated",
  RESOLVED: "incident.resolved",
  CLOSED: null,
} as const;

export type MoveResult = "moved" | "replay";

/**
 * Moves the incident to `to` at `at`. A replay (already there) writes nothing; a move backwards is a
 * conflict with a field error on `status`. `note` is said on the timeline and in the audit event.
 */
export async function moveIncident(tx: DbTx, actor: Actor, incidentId: string, to: IncidentStatus, at: Date, note = ""): Promise<MoveResult> {
  const current = await tx.incident.findUniqueOrThrow({
    where: { id: incidentId },
    select: { status: true, acknowledgedAt: true, mitigatedAt: true, resolvedAt: true, closedAt: true, availabilityRegainedAt: true },
  });
  const outcome = transitionOutcome(current.status, to);
  if (outcome === "replay") return "replay";
  if (outcome === "invalid") throw conflict(refusal(current.status, to), { status: [refusal(current.status, to)] });
  if (to === "CLOSED") {
    // Closed once reviewed: a review still collecting or being drafted holds the incident open.
    const review = await tx.postIncidentReview.findUnique({ where: { incidentId }, select: { number: true, status: true } });
    const refused = closingRefusal(review);
    if (refused) throw conflict(refused, { status: [refused] });
  }
  const stamps = stampsAfter(current, to, at);
  // The window closes when service is restored (mitigated) unless a responder already set it; a
  // reopen means it is down again, so the window runs on.
  const regainedAt = to === "TRIGGERED" ? null : (current.availabilityRegainedAt ?? stamps.mitigatedAt ?? stamps.resolvedAt);
  const updated = await tx.incident.updateMany({
    where: { id: incidentId, status: current.status },
    data: { status: to, ...stamps, availabilityRegainedAt: regainedAt },
  });
  if (updated.count !== 1) throw conflict("The incident changed while this was being saved; look again and retry.");
  if (to === "ACKNOWLEDGED" && actor.kind === "PERSON") {
    await tx.incidentPage.updateMany({ where: { incidentId, personId: actor.id, acknowledgedAt: null }, data: { acknowledgedAt: at } });
  }
  const who = timelineActor(actor);
  const said = outcome === "reopen" ? "reopened the incident" : `marked the incident ${STATUS_WORDS[to]}`;
  await addTimelineEntries(tx, incidentId, actor, [{ kind: to === "ACKNOWLEDGED" ? "ACKNOWLEDGED" : "STATUS", message: `${who.actorLabel} ${said}${note ? `: ${note}` : "."}`, occurredAt: at }]);
  await recordAuditEvent(tx, actor, {
    action: ACTIONS[to],
    entityType: "Incident",
    entityId: incidentId,
    before: { status: current.status },
    after: { status: to, at, ...(note ? { note } : {}) },
  });
  const event = EVENTS[to];
  if (event) await emitIncidentEvent(tx, event, await incidentPayload(tx, incidentId), { by: { id: who.personId, name: who.actorLabel } });
  return "moved";
}
