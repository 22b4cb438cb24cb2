// The working calendar a team's reviews are due by: the time zone and holiday calendar of the on-call
// schedule that covers the team (its own, else its domain's), else the reporting zone with weekends only.
import type { DbTx } from "../db";
import { REPORTING_TIME_ZONE } from "../reliability/report";
import type { WorkingCalendar } from "./working-days";

export async function teamWorkingCalendar(tx: DbTx, teamId: string, from: Date): Promise<WorkingCalendar> {
  const team = await tx.team.findUnique({ where: { id: teamId }, select: { domainId: true } });
  const schedules = await tx.onCallSchedule.findMany({
    where: { OR: [{ teamId }, ...(team?.domainId ? [{ domainId: team.domainId }] : [])] },
    select: { teamId: true, timeZone: true, holidayCalendarId: true },
    orderBy: { createdAt: "asc" },
  });
  const schedule = schedules.find((s) => s.teamId === teamId) ?? schedules[0];
  if (!schedule) return { timeZone: REPORTING_TIME_ZONE, holidays: new Set() };
  if (!schedule.holidayCalendarId) return { timeZone: schedule.timeZone, holidays: new Set() };
  // Ten working days never reach past two months, even over Christmas.
  const holidays = await tx.holiday.findMany({
    where: { calendarId: schedule.holidayCalendarId, date: { gte: new Date(from.getTime() - 86_400_000), lte: new Date(from.getTime() + 62 * 86_400_000) } },
    select: { date: true },
  });
  return { timeZone: schedule.timeZone, holidays: new Set(holidays.map((h) => h.date.toISOString().slice(0, 10))) };
}
