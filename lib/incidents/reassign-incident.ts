// When another service is the cause, the incident moves to that service's team: it becomes the
// responding service (and an affected one), the old team stays on the timeline, and the new team is paged.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { AppError, conflict, parseInput } from "../errors";
import { emitIncidentEvent, incidentPayload } from "./incident-events";
import { incidentForResponse } from "./incident-access";
import { ZReassignIncident } from "./schemas";
import { isOpen } from "./status-transitions";
import { addTimelineEntries, timelineActor } from "./timeline";

export async function reassignIncident(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<void> {
  const data = parseInput(ZReassignIncident, input);
  await prisma.$transaction(async (tx) => {
    const incident = await incidentForResponse(tx, actor, data.incidentId);
    if (!isOpen(incident.status)) throw conflict("Only an open incident can be reassigned.", { service: ["The incident is over."] });
    const target = await tx.service.findUnique({ where: { slug: data.service }, select: { id: true, slug: true, name: true, teamId: true, archivedAt: true, team: { select: { id: true, name: true } } } });
    if (!target || target.archivedAt) throw AppError.validation({ service: [`No live service has the slug "${data.service}".`] });
    if (target.id === incident.serviceId) throw AppError.validation({ service: ["The incident is already with this service."] });
    const before = await incidentPayload(tx, incident.id);
    await tx.incident.update({ where: { id: incident.id }, data: { serviceId: target.id, teamId: target.teamId }, select: { id: true } });
    await tx.incidentService.upsert({ where: { incidentId_serviceId: { incidentId: incident.id, serviceId: target.id } }, create: { incidentId: incident.id, serviceId: target.id }, update: {}, select: { incidentId: true } });
    const who = timelineActor(actor);
    await addTimelineEntries(tx, incident.id, actor, [{ kind: "REASSIGNED", message: `${who.actorLabel} reassigned the incident from ${before.team.name} (${before.service.name}) to ${target.team.name} (${target.name}): ${data.reason}`, occurredAt: now }]);
    await recordAuditEvent(tx, actor, {
      action: "incident.reassign",
      entityType: "Incident",
      entityId: incident.id,
      before: { serviceId: before.service.id, teamId: before.team.id },
      after: { serviceId: target.id, teamId: target.teamId, reason: data.reason },
    });
    await emitIncidentEvent(tx, "incident.reassigned", await incidentPayload(tx, incident.id), {
      from: { service: before.service, team: before.team },
      reason: data.reason,
      by: { id: who.personId, name: who.actorLabel },
    });
  });
  await requestSeal(prisma);
}
