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
  const serviceNames = input.services.map((service) => service.name).join(", ");
  const entries: TimelineEntry[] = [
    { kind: "DECLARED", message: `${who.actorLabel} raised the incident on ${serviceNames}: ${IMPACT_WORDS[input.impact].label} impact, ${IMPACT_WORDS[input.impact].priority} (${IMPACT_WORDS[input.impact].restore}).`, occurredAt: input.triggeredAt },
    ...(input.timeline ?? []),
  ];
  if (status !== "TRIGGERED") entries.push({ kind: "STATUS", message: `Reported as ${STATUS_WORDS[status]}.`, occurredAt: statusAt });
  if (input.causeDeploymentId) entries.push({ kind: "DEPLOYMENT", message: "The reporter named a deployment as the cause.", occurredAt: now, url: `/deployments/${input.causeDeploymentId}` });
  await addTimelineEntries(tx, created.id, actor, entries);
  await recordAuditEvent(tx, actor, {
    action: "incident.declare",
    entityType: "Incident",
    entityId: created.id,
    after: {
      number: created.number, title: input.title, impact: input.impact, status, source: input.source,
      services: input.services.map((service) => service.slug), serviceIds: input.services.map((service) => service.id),
      lossPerHour: input.lossPerHour, externalId: input.externalId ?? null, triggeredAt: input.triggeredAt,
      causeDeploymentId: input.causeDeploymentId ?? null,
    },
  });
  // An incident reported already over pages nobody; it still counts against availability.
  if (isOpen(status)) {
    const payload = await incidentPayload(tx, created.id);
    const by = { id: who.personId, name: who.actorLabel };
    await emitIncidentEvent(tx, "incident.triggered", payload, { source: input.source, by });
    if (isMajor(input.impact) && actor.kind === "PERSON" && actor.isIncidentManager) await emitIncidentEvent(tx, "incident.major-declared", payload, { by });
  }
  return { id: created.id, number: created.number, status };
}
