// The window counted against availability defaults to triggered → mitigated; responders correct it
// (the alert fired late, the fix held only later), with a reason, because it spends the error budget.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { AppError, parseInput } from "../errors";
import { incidentForResponse } from "./incident-access";
import { ZEditAvailabilityWindow } from "./schemas";
import { addTimelineEntries, timelineActor } from "./timeline";

const minute = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export async function editAvailabilityWindow(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<void> {
  const data = parseInput(ZEditAvailabilityWindow, input);
  const lostAt = new Date(data.lostAt);
  const regainedAt = data.regainedAt ? new Date(data.regainedAt) : null;
  if (lostAt > now) throw AppError.validation({ lostAt: ["Availability cannot be lost in the future."] });
  if (regainedAt && regainedAt > now) throw AppError.validation({ regainedAt: ["Availability cannot be regained in the future."] });
  await prisma.$transaction(async (tx) => {
    const incident = await incidentForResponse(tx, actor, data.incidentId);
    const before = await tx.incident.findUniqueOrThrow({ where: { id: incident.id }, select: { availabilityLostAt: true, availabilityRegainedAt: true } });
    await tx.incident.update({ where: { id: incident.id }, data: { availabilityLostAt: lostAt, availabilityRegainedAt: regainedAt }, select: { id: true } });
    const who = timelineActor(actor);
    await addTimelineEntries(tx, incident.id, actor, [{
      kind: "AVAILABILITY",
      message: `${who.actorLabel} set the unavailability window to ${minute(lostAt)} – ${regainedAt ? minute(regainedAt) : "still unavailable"}: ${data.reason}`,
      occurredAt: now,
    }]);
    await recordAuditEvent(tx, actor, {
      action: "incident.availability",
      entityType: "Incident",
      entityId: incident.id,
      before: { availabilityLostAt: before.availabilityLostAt, availabilityRegainedAt: before.availabilityRegainedAt },
      after: { availabilityLostAt: lostAt, availabilityRegainedAt: regainedAt, reason: data.reason },
    });
  });
  await requestSeal(prisma);
}
