// A tool reports an incident through the API: idempotent by (service, externalId), like deployments.
// The first report opens it (created), a replay answers the same id, a later status moves it forward
// (acknowledged, resolved) through the incident lifecycle, and a move backwards is a conflict on
// `status`. "triggered" after "resolved" reopens the incident (as PagerDuty reopens an alert's
// incident): the service is down again and the responders are paged again. Title, impact and details
// are taken from the first report; revising the impact is a person's call with a reason.
// Without an impact, an API incident gets the service's impact for an "error" alert (MEDIUM unless the
// service says otherwise), the same default as an alert of unknown weight from the alerting tools.
import type { Actor } from "../../auth/actor";
import { requestSealInBackground } from "../../audit/seal-audit-events";
import { authorize } from "../../authz/can";
import type { Db, DbTx } from "../../db";
import { AppError, parseInput } from "../../errors";
import type { IncidentStatus } from "../../generated/prisma/enums.ts";
import { moveIncident } from "../move-incident";
import { openIncident } from "../open-incident";
import { ZReportIncident } from "../schemas";
import { ingestService, withRaceRetry } from "../ingest/ingest-context";
import { incidentDto, INCIDENT_DTO_SELECT, type IncidentDto } from "./incident-dto";

const STATUS: Record<"triggered" | "acknowledged" | "resolved", IncidentStatus> = { triggered: "TRIGGERED", acknowledged: "ACKNOWLEDGED", resolved: "RESOLVED" };

export type ReportedIncident = IncidentDto & { created: boolean };

export async function reportIncident(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<ReportedIncident> {
  authorize(actor, "incidents.declare");
  const data = parseInput(ZReportIncident, input);
  const status = STATUS[data.status];
  const result = await withRaceRetry(() =>
    prisma.$transaction(async (tx) => {
      const service = await ingestService(tx, actor, data.service);
      const existing = await tx.incident.findUnique({ where: { serviceId_externalId: { serviceId: service.id, externalId: data.externalId } }, select: { id: true, status: true } });
      if (existing) {
        authorize(actor, "incidents.respond", { serviceId: service.id, teamId: service.teamId });
        const at = status === "RESOLVED" && data.resolvedAt ? new Date(data.resolvedAt) : now;
        const moved = await moveIncident(tx, actor, existing.id, status, at);
        return { id: existing.id, created: false, changed: moved === "moved" };
      }
      const causeDeploymentId = data.deploymentId ? await deploymentOf(tx, service.id, data.deploymentId) : null;
      const triggeredAt = new Date(data.startedAt);
      const opened = await openIncident(tx, actor, {
        services: [service],
        title: data.title,
        summary: data.details ?? "",
        impact: data.impact ?? service.errorAlertImpact,
        lossPerHour: null,
        source: "API",
        externalId: data.externalId,
        triggeredAt,
        status,
        statusAt: status === "RESOLVED" ? new Date(data.resolvedAt ?? now) : status === "TRIGGERED" ? triggeredAt : now,
        causeDeploymentId,
      }, now);
      return { id: opened.id, created: true, changed: true };
    }, { maxWait: 10_000, timeout: 30_000 }),
  );
  if (result.changed) requestSealInBackground(prisma);
  const row = await prisma.incident.findUniqueOrThrow({ where: { id: result.id }, select: INCIDENT_DTO_SELECT });
  return { ...incidentDto(row), created: result.created };
}

/** The named deployment, which must be one of the service's own (a token never learns of others). */
async function deploymentOf(tx: DbTx, serviceId: string, deploymentId: string): Promise<string> {
  const deployment = await tx.deployment.findFirst({ where: { id: deploymentId, serviceId }, select: { id: true } });
  if (!deployment) throw AppError.validation({ deploymentId: ["No deployment of this service has that id."] });
  return deployment.id;
}
