// A responder posts an update to the incident's timeline ("Rolled back to 4.2.0; error rate falling").
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { parseInput } from "../errors";
import { incidentForResponse } from "./incident-access";
import { ZAddIncidentUpdate } from "./schemas";
import { addTimelineEntries } from "./timeline";

export async function addIncidentUpdate(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<void> {
  const data = parseInput(ZAddIncidentUpdate, input);
  await prisma.$transaction(async (tx) => {
    await incidentForResponse(tx, actor, data.incidentId);
    await addTimelineEntries(tx, data.incidentId, actor, [{ kind: "UPDATE", message: data.message, occurredAt: now }]);
    await tx.incident.update({ where: { id: data.incidentId }, data: { updatedAt: now }, select: { id: true } });
    await recordAuditEvent(tx, actor, { action: "incident.update", entityType: "Incident", entityId: data.incidentId, after: { message: data.message } });
  });
  await requestSeal(prisma);
}
