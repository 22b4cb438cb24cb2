// Opening an incident, whoever raises it (a person in the portal, the incident API, an alerting
// tool's format): one row, its affected services, the first timeline entries, the audit event and
// the domain event that pages the rota (lib/incidents/paging/), all in the caller's transaction.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { DbTx } from "../db";
import type { IncidentImpact, IncidentSource, IncidentStatus } from "../generated/prisma/enums.ts";
import { emitIncidentEvent, incidentPayload } from "./incident-events";
import { IMPACT_WORDS, isMajor } from "./impact";
import { isOpen, stampsAfter, STATUS_WORDS } from "./status-transitions";
import { addTimelineEntries, timelineActor, type TimelineEntry } from "./timeline";

export type AffectedService = { id: string; slug: string; name: string; teamId: string };

export type OpenIncident = {
  /** The first responds (its team is paged); the rest are affected too. */
  services: readonly AffectedService[];
  title: string;
  summary: string;
  impact: IncidentImpact;
  lossPerHour: number | null;
  source: IncidentSource;
  externalId?: string | null;
  dedupKey?: string | null;
  triggeredAt: Date;
  /** An API caller may report an incident that is already acknowledged or resolved. */
  status?: IncidentStatus;
  /** When it reached `status` (the API's resolvedAt), else `now`. */
  statusAt?: Date;
  /** A deployment the reporter names as the cause. */
  causeDeploymentId?: string | null;
  /** Extra first entries: an alert's annotations, a link to the tool. */
  timeline?: readonly TimelineEntry[];
};

export type OpenedIncident = { id: string; number: number; status: IncidentStatus };

/** The first timeline entries of an incident: who raised it and on what, the caller's entries, how it was reported. */
export function openingEntries(actor: Actor, input: OpenIncident, now: Date): TimelineEntry[] {
  const status = input.status ?? "TRIGGERED";
  const who = timelineActor(actor);
  const serviceNames = input.services.map((service) => service.name).join(", ");
  const entries: TimelineEntry[] = [
    { kind: "DECLARED", message: `${who.actorLabel} raised the incident on ${serviceNames}: ${IMPACT_WORDS[input.impact].label} impact, ${IMPACT_WORDS[input.impact].priority} (${IMPACT_WORDS[input.impact].restore}).`, occurredAt: input.triggeredAt },
    ...(input.timeline ?? []),
  ];
  if (status !== "TRIGGERED") entries.push({ kind: "STATUS", message: `Reported as ${STATUS_WORDS[status]}.`, occurredAt: input.statusAt ?? now });
  if (input.causeDeploymentId) entries.push({ kind: "DEPLOYMENT", message: "The reporter named a deployment as the cause.", occurredAt: now, url: `/deployments/${input.causeDeploymentId}` });
  return entries;
}

/** The incident.declare audit event of an opened incident (its number known once written). */
export function declareAudit(input: OpenIncident, created: { id: string; number: number }) {
  return {
    action: "incident.declare" as const,
    entityType: "Incident" as const,
    entityId: created.id,
    after: {
      number: created.number, title: input.title, impact: input.impact, status: input.status ?? "TRIGGERED", source: input.source,
      services: input.services.map((service) => service.slug), serviceIds: input.services.map((service) => service.id),
      lossPerHour: input.lossPerHour, externalId: input.externalId ?? null, triggeredAt: input.triggeredAt,
      causeDeploymentId: input.causeDeploymentId ?? null,
    },
  };
}

/** The domain events an opened incident emits: incident.triggered (it pages), and major-declared by an incident manager. */
export function openingEvents(actor: Actor, input: OpenIncident) {
  const status = input.status ?? "TRIGGERED";
  if (!isOpen(status)) return [];
  const who = timelineActor(actor);
  const by = { id: who.personId, name: who.actorLabel };
  return [
    { type: "incident.triggered" as const, rest: { source: input.source, by } },
    ...(isMajor(input.impact) && actor.kind === "PERSON" && actor.isIncidentManager ? [{ type: "incident.major-declared" as const, rest: { by } }] : []),
  ];
}

export async function openIncident(tx: DbTx, actor: Actor, input: OpenIncident, now: Date): Promise<OpenedIncident> {
  const [responsible] = input.services;
  if (!responsible) throw new Error("openIncident needs at least one service");
  const status = input.status ?? "TRIGGERED";
  const statusAt = input.statusAt ?? now;
  const stamps = stampsAfter({ acknowledgedAt: null, mitigatedAt: null, resolvedAt: null, closedAt: null }, status, statusAt);
  const who = timelineActor(actor);
  const created = await tx.incident.create({
    data: {
      title: input.title,
      summary: input.summary,
      impact: input.impact,
      lossPerHour: input.lossPerHour,
      status,
      source: input.source,
      serviceId: responsible.id,
      teamId: responsible.teamId,
      externalId: input.externalId ?? null,
      dedupKey: input.dedupKey ?? null,
      triggeredAt: input.triggeredAt,
      ...stamps,
      availabilityLostAt: input.triggeredAt,
      availabilityRegainedAt: stamps.mitigatedAt ?? stamps.resolvedAt,
      causeDeploymentId: input.causeDeploymentId ?? null,
      declaredById: who.personId,
      services: { create: input.services.map((service) => ({ serviceId: service.id })) },
    },
    select: { id: true, number: true },
  });
  await addTimelineEntries(tx, created.id, actor, openingEntries(actor, input, now));
  await recordAuditEvent(tx, actor, declareAudit(input, created));
  // An incident reported already over pages nobody; it still counts against availability.
  const events = openingEvents(actor, input);
  if (events.length) {
    const payload = await incidentPayload(tx, created.id);
    for (const event of events) await emitIncidentEvent(tx, event.type, payload, event.rest);
  }
  return { id: created.id, number: created.number, status };
}
