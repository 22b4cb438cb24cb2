import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db, DbTx } from "../db";
import { AppError, parseInput } from "../errors";
import { loadSchedules, scheduleIdsForPerson } from "./queries";
import { planningWindowErrors } from "../validation/planning-window";
import { parseInstant, ZLeaveInput } from "./schemas";
import { finalShifts } from "./shift-engine";

export type LeaveClash = { scheduleName: string; scheduleSlug: string; start: Date; end: Date };

/** The person's final shifts, on any schedule, that overlap a range: what leave there would clash with. */
export async function shiftsClashingWith(tx: DbTx, personId: string, startsAt: Date, endsAt: Date): Promise<LeaveClash[]> {
  const ids = await scheduleIdsForPerson(tx, personId);
  if (ids.length === 0) return [];
  const clashes: LeaveClash[] = [];
  for (const schedule of await loadSchedules(tx, { id: { in: ids } }, startsAt, endsAt)) {
    for (const shift of finalShifts(schedule.engine, startsAt, endsAt)) {
      if (shift.personId === personId) clashes.push({ scheduleName: schedule.name, scheduleSlug: schedule.slug, start: shift.start, end: shift.end });
    }
  }
  return clashes;
}

/**
 * Records leave (PTO). Leave never moves shifts by itself: the clashing shifts are returned and flagged
 * on calendars, so the person can ask for cover and the lead can see what is uncovered.
 */
export async function addLeave(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<{ id: string; clashes: LeaveClash[] }> {
  const data = parseInput(ZLeaveInput, input);
  if (actor.kind !== "PERSON" && !data.personId) throw AppError.validation({ personId: ["Choose whose leave this is."] });
  const personId = data.personId || (actor.kind === "PERSON" ? actor.id : "");
  const startsAt = parseInstant(data.startsAt, data.timeZone)!;
  const endsAt = parseInstant(data.endsAt, data.timeZone)!;
  // Leave dated 2020 or 9999 was recorded and then never listed, so it could not be cancelled.
  const dates = planningWindowErrors({ start: startsAt, end: endsAt }, now, { start: "startsAt", end: "endsAt" });
  if (Object.keys(dates).length) throw AppError.validation(dates);
  const result = await prisma.$transaction(async (tx) => {
    if (actor.kind !== "PERSON" || personId !== actor.id) {
      const leads = await tx.teamMembership.findMany({ where: { personId }, select: { teamId: true } });
      const isTeamLead = actor.kind === "PERSON" && (await tx.teamMembership.count({ where: { personId: actor.id, isLead: true, teamId: { in: leads.map((row) => row.teamId) } } })) > 0;
      authorize(actor, "oncall.leave.manage-others", { isTeamLead });
    }
    const person = await tx.person.findUnique({ where: { id: personId }, select: { id: true } });
    if (!person) throw AppError.validation({ personId: ["Choose an existing person."] });
    const leave = await tx.onCallLeave.create({
      data: { personId, startsAt, endsAt, note: data.note, createdById: actor.kind === "PERSON" ? actor.id : null },
      select: { id: true, personId: true, startsAt: true, endsAt: true, note: true },
    });
    const clashes = await shiftsClashingWith(tx, personId, startsAt, endsAt);
    await recordAuditEvent(tx, actor, { action: "oncall-leave.create", entityType: "OnCallLeave", entityId: leave.id, after: { ...leave, clashingShifts: clashes.length } });
    return { id: leave.id, clashes };
  });
  await requestSeal(prisma);
  return result;
}
