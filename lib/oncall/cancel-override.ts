import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { AppError, conflict, notFound } from "../errors";
import { scheduleOwnerFacts } from "./queries";
import { canOnSchedule } from "./schedule-access";

/**
 * Cancels an override: the rotation's person is on call again. The person covering, the person covered,
 * a team lead of the owning team or an admin may. Both halves of a swap go together (one half alone
 * would leave someone with two shifts). The part already stood stays: an override that has started
 * ends now instead of disappearing, so past shifts and pay do not change.
 */
export async function cancelOverride(prisma: Db, actor: Actor, overrideId: string, now = new Date()): Promise<{ cancelled: number; ended: number }> {
  const result = await prisma.$transaction(async (tx) => {
    const override = await tx.onCallOverride.findUnique({
      where: { id: overrideId },
      select: { id: true, scheduleId: true, personId: true, replacesPersonId: true, requestId: true, kind: true, startsAt: true, endsAt: true, cancelledAt: true, schedule: { select: { teamId: true, domainId: true, archivedAt: true } } },
    });
    if (!override) throw notFound("The override");
    const facts = await scheduleOwnerFacts(tx, override.schedule);
    const involved = actor.kind === "PERSON" && (actor.id === override.personId || actor.id === override.replacesPersonId);
    if (!involved && !canOnSchedule(actor, "oncall.overrides.assign", facts)) {
      throw new AppError("FORBIDDEN", "Only the person covering, the person covered, a team lead or an admin can cancel this cover.");
    }
    if (override.cancelledAt) throw conflict("This cover was already cancelled.");
    if (override.endsAt <= now) throw conflict("This cover is over; past shifts stay as they were.");
    if (override.schedule.archivedAt) throw conflict("The schedule is archived.");
    const group = override.kind === "SWAP" && override.requestId
      ? await tx.onCallOverride.findMany({
          where: { requestId: override.requestId, cancelledAt: null, endsAt: { gt: now } },
          select: { id: true, personId: true, startsAt: true, endsAt: true },
        })
      : [{ id: override.id, personId: override.personId, startsAt: override.startsAt, endsAt: override.endsAt }];
    let cancelled = 0;
    let ended = 0;
    for (const row of group) {
      const started = row.startsAt < now;
      await tx.onCallOverride.update({ where: { id: row.id }, data: started ? { endsAt: now } : { cancelledAt: now }, select: { id: true } });
      if (started) ended += 1;
      else cancelled += 1;
      await recordAuditEvent(tx, actor, {
        action: "oncall-override.cancel",
        entityType: "OnCallOverride",
        entityId: row.id,
        before: { personId: row.personId, startsAt: row.startsAt, endsAt: row.endsAt, cancelledAt: null },
        after: started ? { endsAt: now } : { cancelledAt: now },
      });
    }
    return { cancelled, ended };
  });
  await requestSeal(prisma);
  return result;
}
