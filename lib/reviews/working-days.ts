// The review's default due date: ten working days after it was scheduled. Working days are Monday to
// Friday in the team's time zone, less the public holidays of the holiday calendar its on-call
// schedule uses (lib/oncall holiday calendars); a team without one counts weekends only. Pure: the
// caller reads the calendar and passes the clock.
import { DateTime } from "luxon";

export const DEFAULT_REVIEW_WORKING_DAYS = 10;

export type WorkingCalendar = {
  timeZone: string;
  /** Local dates "YYYY-MM-DD" that are not working days although they fall on a weekday. */
  holidays: ReadonlySet<string>;
};

export function isWorkingDay(day: DateTime, calendar: WorkingCalendar): boolean {
  return day.weekday <= 5 && !calendar.holidays.has(day.toISODate()!);
}

/**
 * `days` working days after `from`, at the same local wall-clock time (a review scheduled on Monday
 * at 10:00 is due at 10:00 on the Monday a fortnight later, whatever DST did in between). Scheduling
 * on a weekend or holiday counts from the next working day, as a person would.
 */
export function addWorkingDays(from: Date, days: number, calendar: WorkingCalendar): Date {
  let day = DateTime.fromJSDate(from, { zone: calendar.timeZone });
  let counted = 0;
  while (counted < days) {
    day = day.plus({ days: 1 });
    if (isWorkingDay(day, calendar)) counted += 1;
  }
  return day.toJSDate();
}
