import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { conflict, notFound } from "../errors";

/** Cancels leave; the row stays for history. Only its owner, or whoever may manage others' leave. */
export async function cancelLeave(prisma: Db, actor: Actor, leaveId: string, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const leave = await tx.onCallLeave.findUnique({ where: { id: leaveId }, select: { id: true, personId: true, cancelledAt: true } });
    if (!leave) throw notFound("The leave entry");
    if (actor.kind !== "PERSON" || actor.id !== leave.personId) {
      const teams = await tx.teamMembership.findMany({ where: { personId: leave.personId }, select: { teamId: true } });
      const isTeamLead = actor.kind === "PERSON" && (await tx.teamMembership.count({ where: { personId: actor.id, isLead: true, teamId: { in: teams.map((row) => row.teamId) } } })) > 0;
      authorize(actor, "oncall.leave.manage-others", { isTeamLead });
    }
    if (leave.cancelledAt) throw conflict("This leave was already cancelled.");
    await tx.onCallLeave.update({ where: { id: leaveId }, data: { cancelledAt: now }, select: { id: true } });
    await recordAuditEvent(tx, actor, { action: "oncall-leave.cancel", entityType: "OnCallLeave", entityId: leaveId, before: { cancelledAt: null }, after: { cancelledAt: now } });
  });
  await requestSeal(prisma);
}
