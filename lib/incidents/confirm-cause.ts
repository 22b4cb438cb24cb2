// A responder confirms which suspect deployment caused the incident (or clears it). The cause counts in
// the change failure rate and in standard-change eligibility, which read Incident.causeDeploymentId.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { AppError, parseInput } from "../errors";
import { incidentForResponse } from "./incident-access";
import { ZConfirmCause } from "./schemas";
import { suspectDeployments } from "./suspects";
import { addTimelineEntries, timelineActor } from "./timeline";

export async function confirmCause(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<void> {
  const data = parseInput(ZConfirmCause, input);
  await prisma.$transaction(async (tx) => {
    const incident = await incidentForResponse(tx, actor, data.incidentId);
    const row = await tx.incident.findUniqueOrThrow({ where: { id: incident.id }, select: { triggeredAt: true, causeDeploymentId: true, services: { select: { serviceId: true } } } });
    const deploymentId = data.deploymentId ?? null;
    if (deploymentId === row.causeDeploymentId) return;
    let words = "cleared the cause";
    let url: string | null = null;
    if (deploymentId) {
      const suspects = await suspectDeployments(tx, { triggeredAt: row.triggeredAt, serviceIds: row.services.map((link) => link.serviceId), causeDeploymentId: null });
      const chosen = suspects.find((suspect) => suspect.id === deploymentId);
      if (!chosen) throw AppError.validation({ deploymentId: ["Pick one of the suspect deployments listed on the incident."] });
      words = `confirmed ${chosen.service.name} ${chosen.version} as the cause${chosen.change ? ` (CHG-${chosen.change.number})` : ""}`;
      url = `/deployments/${chosen.id}`;
    }
    await tx.incident.update({ where: { id: incident.id }, data: { causeDeploymentId: deploymentId }, select: { id: true } });
    await addTimelineEntries(tx, incident.id, actor, [{ kind: "DEPLOYMENT", message: `${timelineActor(actor).actorLabel} ${words}.`, occurredAt: now, url }]);
    await recordAuditEvent(tx, actor, { action: "incident.cause", entityType: "Incident", entityId: incident.id, before: { causeDeploymentId: row.causeDeploymentId }, after: { causeDeploymentId: deploymentId } });
  });
  await requestSeal(prisma);
}
