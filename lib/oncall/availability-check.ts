// Why a person cannot be on call for a range of a schedule, or null when they can. Used by every use
// case that puts someone on call (cover, swap, take now, direct assignment), inside its transaction.
import { DateTime } from "luxon";
import type { DbTx } from "../db";
import { conflict } from "../errors";
import { loadSchedules, scheduleIdsForPerson, type LoadedSchedule } from "./queries";
import { finalShifts } from "./shift-engine";

/** Requests and overrides reach at most a year ahead: further out the rotation will have changed. */
export const MAX_AHEAD_DAYS = 366;

function describe(date: Date, zone: string): string {
  return DateTime.fromJSDate(date, { zone }).toFormat("ccc d LLL yyyy HH:mm");
}

export type AvailabilityQuestion = {
  schedule: LoadedSchedule;
  personId: string;
  personName: string;
  startsAt: Date;
  endsAt: Date;
  now: Date;
  /** The field the refusal belongs to in the form. */
  field: string;
};

/** Throws a CONFLICT with a clear reason when the person cannot be on call then. */
export async function assertCanBeOnCall(tx: DbTx, question: AvailabilityQuestion): Promise<void> {
  const reason = await refusalReason(tx, question);
  if (reason) throw conflict(reason, { [question.field]: [reason] });
}

export async function refusalReason(tx: DbTx, { schedule, personId, personName, startsAt, endsAt, now }: AvailabilityQuestion): Promise<string | null> {
  const zone = schedule.engine.timeZone;
  if (endsAt <= startsAt) return "The end must be after the start.";
  if (!schedule.firstEffectiveFrom || startsAt < schedule.firstEffectiveFrom) {
    return `That range is outside the schedule: ${schedule.name} starts on ${schedule.firstEffectiveFrom ? describe(schedule.firstEffectiveFrom, zone) : "no date yet"}.`;
  }
  if (endsAt.getTime() > now.getTime() + MAX_AHEAD_DAYS * 86_400_000) return "That range is outside the schedule: plan at most a year ahead.";
  if (endsAt <= now) return "That range is in the past.";
  if (schedule.optedOutIds.includes(personId)) return `${personName} has opted out of ${schedule.name}.`;

  const leave = await tx.onCallLeave.findFirst({
    where: { personId, cancelledAt: null, startsAt: { lt: endsAt }, endsAt: { gt: startsAt } },
    select: { startsAt: true, endsAt: true },
  });
  if (leave) return `${personName} is on leave then (${describe(leave.startsAt, zone)} to ${describe(leave.endsAt, zone)}).`;

  const otherIds = (await scheduleIdsForPerson(tx, personId)).filter((id) => id !== schedule.id);
  if (otherIds.length) {
    for (const other of await loadSchedules(tx, { id: { in: otherIds } }, startsAt, endsAt)) {
      const clash = finalShifts(other.engine, startsAt, endsAt).find((shift) => shift.personId === personId);
      if (clash) return `${personName} is already on call for ${other.name} then (from ${describe(clash.start, zone)} to ${describe(clash.end, zone)}).`;
    }
  }
  return null;
}
