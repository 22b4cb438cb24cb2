// Incident roles: a commander runs the response, communications keeps people informed, responders work on it.
import type { Actor } from "../auth/actor";
import type { AuditAction } from "../audit/audit-actions";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { AppError, parseInput } from "../errors";
import { incidentForResponse } from "./incident-access";
import { ZAssignIncidentRole } from "./schemas";
import { addTimelineEntries, timelineActor } from "./timeline";

const ROLE_ACTIONS = { assign: "incident.assign-role", remove: "incident.remove-role" } as const satisfies Record<string, AuditAction>;

export const ROLE_WORDS = { COMMANDER: "incident commander", COMMUNICATIONS: "communications lead", RESPONDER: "responder" } as const;

export async function assignIncidentRole(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<void> {
  const data = parseInput(ZAssignIncidentRole, input);
  await prisma.$transaction(async (tx) => {
    const incident = await incidentForResponse(tx, actor, data.incidentId);
    const person = await tx.person.findUnique({ where: { id: data.personId }, select: { id: true, name: true, deactivatedAt: true } });
    if (!person || person.deactivatedAt) throw AppError.validation({ personId: ["Pick an active person."] });
    const key = { incidentId_personId_role: { incidentId: incident.id, personId: person.id, role: data.role } };
    const existing = await tx.incidentRole.findUnique({ where: key, select: { role: true } });
    if (data.remove ? !existing : existing) return; // already so: nothing to record
    const who = timelineActor(actor);
    if (data.remove) await tx.incidentRole.delete({ where: key, select: { role: true } });
    else {
      // One commander and one communications lead at a time; responders are many.
      if (data.role !== "RESPONDER") await tx.incidentRole.deleteMany({ where: { incidentId: incident.id, role: data.role } });
      await tx.incidentRole.create({ data: { incidentId: incident.id, personId: person.id, role: data.role, assignedAt: now }, select: { role: true } });
    }
    const message = data.remove ? `${who.actorLabel} removed ${person.name} as ${ROLE_WORDS[data.role]}.` : `${who.actorLabel} made ${person.name} ${ROLE_WORDS[data.role]}.`;
    await addTimelineEntries(tx, incident.id, actor, [{ kind: "ROLE", message, occurredAt: now }]);
    await recordAuditEvent(tx, actor, {
      action: ROLE_ACTIONS[data.remove ? "remove" : "assign"],
      entityType: "Incident",
      entityId: incident.id,
      after: { personId: person.id, role: data.role },
    });
  });
  await requestSeal(prisma);
}
