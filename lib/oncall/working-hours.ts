// Working hours, weekends and public holidays of a schedule, in its time zone. Pure rules: the
// out-of-hours windows that on-call covers and that standby pay is counted on.
import { DateTime } from "luxon";
import { memoMillis } from "./zone-memo";

export type WorkingHours = {
  timeZone: string;
  /** Minutes after local midnight. */
  workdayStartMinute: number;
  workdayEndMinute: number;
  /** ISO weekdays, 1 = Monday. */
  workingDays: number[];
  /** Local dates "YYYY-MM-DD" of public holidays. */
  holidays: ReadonlySet<string>;
};

export type HourSplit = {
  /** Working hours on working days. */
  inHours: number;
  /** Outside working hours on working days. */
  outOfHours: number;
  /** Whole non-working days that are not holidays. */
  weekend: number;
  /** Public holidays (a holiday on a weekend counts as holiday). */
  holiday: number;
};

const HOUR_MS = 3_600_000;

export type DayKind = "WORKDAY" | "WEEKEND" | "HOLIDAY";

/** What a local date ("2026-12-25") is for the schedule: a working day, a weekend day or a public holiday. */
export function dayKindOf(isoDate: string, hours: WorkingHours): DayKind {
  return dayKind(DateTime.fromISO(isoDate, { zone: hours.timeZone }), hours);
}

/** The working window [start, end) of a working day in epoch ms, or null on weekends and holidays. */
export function workingWindow(isoDate: string, hours: WorkingHours): { start: number; end: number } | null {
  const day = DateTime.fromISO(isoDate, { zone: hours.timeZone }).startOf("day");
  if (dayKind(day, hours) !== "WORKDAY" || hours.workdayEndMinute <= hours.workdayStartMinute) return null;
  const bounds = `${hours.timeZone}|${isoDate}|${hours.workdayStartMinute}|${hours.workdayEndMinute}`;
  return {
    start: memoMillis(`ws|${bounds}`, () => atMinute(day, hours.workdayStartMinute).toMillis()),
    end: memoMillis(`we|${bounds}`, () => atMinute(day, hours.workdayEndMinute).toMillis()),
  };
}

function dayKind(day: DateTime, hours: WorkingHours): DayKind {
  if (hours.holidays.has(day.toISODate()!)) return "HOLIDAY";
  return hours.workingDays.includes(day.weekday) ? "WORKDAY" : "WEEKEND";
}

/** Local wall-clock minute of a day (not "midnight plus N minutes", which DST days would skew). */
function atMinute(day: DateTime, minute: number): DateTime {
  return minute >= 1440 ? day.plus({ days: 1 }).startOf("day") : day.set({ hour: Math.floor(minute / 60), minute: minute % 60 });
}

function overlap(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  return Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart));
}

const DAY_MS = 86_400_000;

/** The local date after `isoDate` ("2026-12-31" → "2027-01-01"): calendar arithmetic, no zone involved. */
const nextIsoDate = (isoDate: string) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** ISO weekday (1 = Monday) of a local date: the weekday of a calendar date is the same in every zone. */
const isoWeekday = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`).getUTCDay() || 7;

/** The instant a local date starts in a zone (memoised: the zone offset lookup is the costly part). */
const localDayStart = (zone: string, isoDate: string) => memoMillis(`ds|${zone}|${isoDate}`, () => DateTime.fromISO(isoDate, { zone }).startOf("day").toMillis());

/**
 * Splits [start, end) into in-hours, out-of-hours, weekend and holiday hours, day by local day. The
 * days' boundaries come from the zone memo, so a month's report does a few zone lookups, not a few
 * per day per shift (the pay report splits every shift of every schedule on each view).
 */
export function splitHours(start: Date, end: Date, hours: WorkingHours): HourSplit {
  const split: HourSplit = { inHours: 0, outOfHours: 0, weekend: 0, holiday: 0 };
  const s = start.getTime();
  const e = end.getTime();
  const zone = hours.timeZone;
  let isoDate = DateTime.fromMillis(s, { zone }).toISODate()!;
  let dayStart = localDayStart(zone, isoDate);
  while (dayStart < e) {
    const nextDate = nextIsoDate(isoDate);
    const nextStart = localDayStart(zone, nextDate);
    const dayMs = overlap(s, e, dayStart, nextStart);
    if (hours.holidays.has(isoDate)) split.holiday += dayMs;
    else if (!hours.workingDays.includes(isoWeekday(isoDate))) split.weekend += dayMs;
    else {
      const window = workdayBounds(isoDate, hours);
      const inMs = overlap(s, e, window.start, window.end);
      split.inHours += inMs;
      split.outOfHours += dayMs - inMs;
    }
    isoDate = nextDate;
    dayStart = nextStart;
  }
  return {
    inHours: split.inHours / HOUR_MS,
    outOfHours: split.outOfHours / HOUR_MS,
    weekend: split.weekend / HOUR_MS,
    holiday: split.holiday / HOUR_MS,
  };
}

/** A day's working window [start, end) in epoch ms, whatever kind of day it is (the callers check). */
function workdayBounds(isoDate: string, hours: WorkingHours): { start: number; end: number } {
  const bounds = `${hours.timeZone}|${isoDate}|${hours.workdayStartMinute}|${hours.workdayEndMinute}`;
  const day = () => DateTime.fromISO(isoDate, { zone: hours.timeZone }).startOf("day");
  return {
    start: memoMillis(`ws|${bounds}`, () => atMinute(day(), hours.workdayStartMinute).toMillis()),
    end: memoMillis(`we|${bounds}`, () => atMinute(day(), hours.workdayEndMinute).toMillis()),
  };
}

type WorkingStateAnswer = { inHours: boolean; changesAt: Date };

// The answer holds from the instant it was computed for until changesAt: later instants before then
// reuse it. Keyed by every input that decides it (zone, hours, days, holiday dates).
const stateCache = new Map<string, { from: number; answer: WorkingStateAnswer }>();
const holidayKeys = new WeakMap<ReadonlySet<string>, string>();

function hoursKey(hours: WorkingHours): string {
  let holidays = holidayKeys.get(hours.holidays);
  if (holidays === undefined) {
    holidays = [...hours.holidays].sort().join(",");
    holidayKeys.set(hours.holidays, holidays);
  }
  return `${hours.timeZone}|${hours.workdayStartMinute}|${hours.workdayEndMinute}|${hours.workingDays.join(",")}|${holidays}`;
}

/** Whether the instant falls in working hours, and when that state next changes. */
export function workingState(at: Date, hours: WorkingHours): WorkingStateAnswer {
  const key = hoursKey(hours);
  const t = at.getTime();
  const cached = stateCache.get(key);
  if (cached && t >= cached.from && t < cached.answer.changesAt.getTime()) return cached.answer;
  const answer = computeWorkingState(at, hours);
  if (stateCache.size >= 10_000) stateCache.clear();
  stateCache.set(key, { from: t, answer });
  return answer;
}

function computeWorkingState(at: Date, hours: WorkingHours): WorkingStateAnswer {
  const zone = hours.timeZone;
  const dayIso = DateTime.fromJSDate(at, { zone }).toISODate()!;
  const t = at.getTime();
  // The day's boundaries and the next working start are the same all day: memoised by their inputs.
  const bounds = `${zone}|${dayIso}|${hours.workdayStartMinute}|${hours.workdayEndMinute}`;
  const workStart = memoMillis(`ws|${bounds}`, () => atMinute(DateTime.fromISO(dayIso, { zone }), hours.workdayStartMinute).toMillis());
  const workEnd = memoMillis(`we|${bounds}`, () => atMinute(DateTime.fromISO(dayIso, { zone }), hours.workdayEndMinute).toMillis());
  const day = DateTime.fromISO(dayIso, { zone });
  const isWorkday = dayKind(day, hours) === "WORKDAY";
  if (isWorkday && t >= workStart && t < workEnd) return { inHours: true, changesAt: new Date(workEnd) };
  if (isWorkday && t < workStart) return { inHours: false, changesAt: new Date(workStart) };
  const calendarKey = `${hours.workingDays.join(",")}|${[...hours.holidays].sort().join(",")}`;
  const next = memoMillis(`next|${bounds}|${calendarKey}`, () => {
    // Out of hours until the next working day's start; a year of holidays at most.
    let candidate = day.plus({ days: 1 });
    for (let i = 0; i < 370 && dayKind(candidate, hours) !== "WORKDAY"; i += 1) candidate = candidate.plus({ days: 1 });
    return atMinute(candidate, hours.workdayStartMinute).toMillis();
  });
  return { inHours: false, changesAt: new Date(next) };
}
