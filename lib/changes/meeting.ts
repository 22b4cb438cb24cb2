// When the CAB meets next: a weekly slot in the CAB's time zone. Pure.
import { DateTime } from "luxon";

export function nextMeeting(settings: { meetingWeekday: number; meetingMinute: number; timeZone: string }, now: Date): Date {
  const local = DateTime.fromJSDate(now, { zone: settings.timeZone });
  let candidate = local.set({ hour: Math.floor(settings.meetingMinute / 60), minute: settings.meetingMinute % 60, second: 0, millisecond: 0 });
  candidate = candidate.plus({ days: (settings.meetingWeekday - candidate.weekday + 7) % 7 });
  if (candidate.toMillis() <= now.getTime()) candidate = candidate.plus({ weeks: 1 });
  return candidate.toJSDate();
}
