import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { AppError, parseInput } from "../errors";
import { continuingPeople, startRotationVersion } from "./rotation-versions";
import { minuteOfDay, parseInstant, ZScheduleSettingsInput } from "./schemas";
import { authorizeSchedule, loadScheduleForUseCase } from "./schedule-access";

export type ScheduleSettingsResult = { rotationChangedFrom: Date | null };

/**
 * Edits a schedule's settings. Name, working hours, working days and the holiday calendar apply at once
 * (they decide which hours are out of hours, not who is on call). The zone, shift length, handoff and
 * secondary layer decide the shifts: a change to any of them starts a new rotation version from the
 * effective date, so past shifts stay as they were and whoever is on call then stays on call until
 * the next handoff under the new settings.
 */
export async function updateSchedule(prisma: Db, actor: Actor, scheduleId: string, input: unknown, now = new Date()): Promise<ScheduleSettingsResult> {
  const data = parseInput(ZScheduleSettingsInput, input);
  const result = await prisma.$transaction(async (tx) => {
    const { schedule, facts } = await loadScheduleForUseCase(tx, scheduleId, now, now);
    authorizeSchedule(actor, "oncall.schedules.manage", facts);
    if (data.holidayCalendarId) {
      const calendar = await tx.holidayCalendar.findUnique({ where: { id: data.holidayCalendarId }, select: { id: true } });
      if (!calendar) throw AppError.validation({ holidayCalendarId: ["Choose an existing holiday calendar."] });
    }
    const rotation = schedule.latestRotation;
    const handoffMinute = minuteOfDay(data.handoffTime);
    const shiftsChange =
      !rotation ||
      rotation.timeZone !== data.timeZone ||
      rotation.hasSecondary !== data.hasSecondary ||
      rotation.rotationDays !== data.rotationDays ||
      rotation.handoffWeekday !== data.handoffWeekday ||
      rotation.handoffMinute !== handoffMinute;
    let effectiveFrom: Date | null = null;
    if (shiftsChange && rotation) {
      // The effective date is a wall-clock time in the new zone, as the form says.
      effectiveFrom = data.effectiveFrom ? parseInstant(data.effectiveFrom, data.timeZone) : now;
      if (!effectiveFrom) throw AppError.validation({ effectiveFrom: ["Enter a date and time."] });
      if (effectiveFrom.getTime() < now.getTime() - 60_000) {
        throw AppError.validation({ effectiveFrom: ["Changes to shifts take effect from now or later; past shifts stay as they were."] });
      }
      await startRotationVersion(tx, scheduleId, {
        effectiveFrom,
        rotationDays: data.rotationDays,
        handoffWeekday: data.handoffWeekday,
        handoffMinute,
        timeZone: data.timeZone,
        hasSecondary: data.hasSecondary,
        ...continuingPeople(schedule, effectiveFrom, {
          participantIds: schedule.participants.map((person) => person.id),
          secondaryIds: schedule.secondaryParticipants.map((person) => person.id),
        }),
      });
    }
    const after = {
      name: data.name,
      timeZone: data.timeZone,
      workdayStartMinute: minuteOfDay(data.workdayStart),
      workdayEndMinute: minuteOfDay(data.workdayEnd),
      workingDays: [...new Set(data.workingDays)].sort(),
      holidayCalendarId: data.holidayCalendarId,
      hasSecondary: data.hasSecondary,
    };
    await tx.onCallSchedule.update({ where: { id: scheduleId }, data: after, select: { id: true } });
    await recordAuditEvent(tx, actor, {
      action: "oncall-schedule.update",
      entityType: "OnCallSchedule",
      entityId: scheduleId,
      before: {
        name: schedule.name,
        timeZone: schedule.engine.timeZone,
        workdayStartMinute: schedule.workdayStartMinute,
        workdayEndMinute: schedule.workdayEndMinute,
        workingDays: schedule.workingDays,
        holidayCalendarId: schedule.holidayCalendarId,
        hasSecondary: schedule.hasSecondary,
        rotation,
      },
      after: { ...after, rotationDays: data.rotationDays, handoffWeekday: data.handoffWeekday, handoffMinute, rotationChangedFrom: effectiveFrom },
    });
    return { rotationChangedFrom: effectiveFrom };
  });
  await requestSeal(prisma);
  return result;
}
