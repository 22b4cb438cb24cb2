// An hour before each shift starts, its person gets an "oncall.shift.starting" event (the notifier
// tells them in-app and by email). Run every minute by the queue (once across all instances); the
// ReminderSent key makes a rerun, or a run that overlaps another, remind once. A shift that starts
// within the hour when first seen (the portal was down) is reminded late rather than never.
import { DateTime } from "luxon";
import type { Db } from "../db";
import { emitEvent } from "../events/emit";
import { loadSchedules } from "./queries";
import { finalShifts } from "./shift-engine";

export const REMINDER_LEAD_MS = 60 * 60 * 1000;

export async function shiftStartReminders(db: Db, now: Date): Promise<number> {
  const until = new Date(now.getTime() + REMINDER_LEAD_MS);
  const schedules = await loadSchedules(db, { archivedAt: null }, now, until);
  let sent = 0;
  for (const schedule of schedules) {
    const starting = finalShifts(schedule.engine, now, until).filter((shift) => shift.start > now && shift.start <= until);
    if (!starting.length) continue;
    for (const shift of starting) {
      const key = `shift:${schedule.id}:${shift.personId}:${shift.layer}:${shift.start.toISOString()}`;
      const emitted = await db.$transaction(async (tx) => {
        const fresh = await tx.reminderSent.createMany({ data: [{ key }], skipDuplicates: true });
        if (fresh.count === 0) return false;
        await emitEvent(tx, "oncall.shift.starting", { entityType: "OnCallSchedule", entityId: schedule.id, teamId: schedule.teamId ?? null }, {
          schedule: { id: schedule.id, name: schedule.name },
          person: { id: shift.personId, name: schedule.people.get(shift.personId)?.name ?? "" },
          role: shift.layer,
          startsAt: DateTime.fromJSDate(shift.start).toUTC().toISO()!,
          endsAt: DateTime.fromJSDate(shift.end).toUTC().toISO()!,
          href: `/oncall/${schedule.slug}`,
        });
        return true;
      });
      if (emitted) sent += 1;
    }
  }
  return sent;
}
