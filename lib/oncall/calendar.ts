// Calendar grids: which final shifts fall on each local day of a week or month view. Pure.
import { DateTime } from "luxon";
import type { FinalShift } from "./shift-engine";
import { workingWindow, type WorkingHours } from "./working-hours";
import { memoMillis } from "./zone-memo";

export type CalendarView = "week" | "month";

export type CalendarRange = { from: Date; to: Date; days: string[]; label: string; previous: string; next: string };

/** The days a view shows around an anchor date ("2026-11-26"): ISO weeks from Monday; months padded to whole weeks. */
const rangeCache = new Map<string, CalendarRange>();

export function calendarRange(view: CalendarView, anchor: string, zone: string): CalendarRange {
  // A valid anchor always gives the same range (zone arithmetic is the slow part): memoised. An invalid
  // one means "today", which changes, so it is computed each time.
  const key = `${view}|${anchor}|${zone}`;
  const cached = rangeCache.get(key);
  if (cached) return { ...cached, days: [...cached.days] };
  const range = computeCalendarRange(view, anchor, zone);
  if (DateTime.fromISO(anchor, { zone }).isValid) {
    if (rangeCache.size >= 5_000) rangeCache.clear();
    rangeCache.set(key, range);
  }
  return { ...range, days: [...range.days] };
}

function computeCalendarRange(view: CalendarView, anchor: string, zone: string): CalendarRange {
  const parsed = DateTime.fromISO(anchor, { zone });
  const base = (parsed.isValid ? parsed : DateTime.now().setZone(zone)).startOf("day");
  const start = view === "week" ? base.startOf("week") : base.startOf("month").startOf("week");
  const end = view === "week" ? start.plus({ weeks: 1 }) : base.endOf("month").startOf("week").plus({ weeks: 1 });
  const days: string[] = [];
  for (let day = start; day < end; day = day.plus({ days: 1 })) days.push(day.toISODate()!);
  const step = view === "week" ? { weeks: 1 } : { months: 1 };
  return {
    from: start.toJSDate(),
    to: end.toJSDate(),
    days,
    label: view === "week" ? `Week of ${start.toFormat("d LLL yyyy")}` : base.toFormat("LLLL yyyy"),
    previous: base.minus(step).toISODate()!,
    next: base.plus(step).toISODate()!,
  };
}

export type DaySegment = {
  key: string;
  layer: FinalShift["layer"];
  personId: string;
  /** Local "HH:mm" on this day; "00:00"–"24:00" for a whole day. */
  from: string;
  to: string;
  source: FinalShift["source"];
  overrideKind: FinalShift["overrideKind"];
  rotationPersonId: string | null;
  onLeave: boolean;
};

// One Intl formatter per zone for every label (far cheaper than a luxon DateTime per segment), and the
// labels of instants already seen: shift boundaries repeat on every request.
const clocks = new Map<string, { format: (ms: number) => string }>();

function clockFor(zone: string): { format: (ms: number) => string } {
  let clock = clocks.get(zone);
  if (!clock) {
    const formatter = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    const labels = new Map<number, string>();
    clock = {
      format: (ms: number) => {
        let label = labels.get(ms);
        if (label === undefined) {
          if (labels.size >= 50_000) labels.clear();
          label = formatter.format(ms);
          labels.set(ms, label);
        }
        return label;
      },
    };
    clocks.set(zone, clock);
  }
  return clock;
}

export type LeaveSpan = { id: string; startsAt: Date; endsAt: Date };

/** [start, end) minus the working window, as zero, one or two pieces. */
function outOfHoursPieces(start: number, end: number, window: { start: number; end: number } | null): [number, number][] {
  const pieces: [number, number][] = window ? [[start, Math.min(end, window.start)], [Math.max(start, window.end), end]] : [[start, end]];
  return pieces.filter(([a, b]) => a < b);
}

/**
 * Cuts shifts at local midnights so each day lists who is on call when. With the schedule's working
 * hours, working days lose their working window: an out-of-hours schedule covers evenings, nights,
 * weekends and public holidays, and the team itself covers the working day.
 */
export function segmentsByDay(
  shifts: readonly FinalShift[],
  days: readonly string[],
  zone: string,
  options: { hours?: WorkingHours; leave?: readonly LeaveSpan[] } = {},
): Map<string, DaySegment[]> {
  const result = new Map<string, DaySegment[]>(days.map((day) => [day, []]));
  const clock = clockFor(zone);
  // Local midnights are the same on every request: memoised like the engine's handoffs.
  const midnight = (day: string) => memoMillis(`midnight|${zone}|${day}`, () => DateTime.fromISO(day, { zone }).startOf("day").toMillis());
  const bounds = days.map(midnight);
  const last = days.length ? memoMillis(`next-midnight|${zone}|${days[days.length - 1]}`, () => DateTime.fromISO(days[days.length - 1]!, { zone }).plus({ days: 1 }).startOf("day").toMillis()) : 0;
  const leaveById = new Map((options.leave ?? []).map((entry) => [entry.id, entry]));
  // A shift clashes with leave as a whole; a segment only where the leave itself falls (a week's shift
  // with two days off is marked on those two days, not all seven).
  const clashes = (shift: FinalShift, start: number, end: number) =>
    shift.leaveIds.some((id) => {
      const entry = leaveById.get(id);
      return entry ? entry.startsAt.getTime() < end && entry.endsAt.getTime() > start : !options.leave;
    });
  days.forEach((day, index) => {
    const dayStart = bounds[index]!;
    const dayEnd = bounds[index + 1] ?? last;
    const window = options.hours ? workingWindow(day, options.hours) : null;
    for (const shift of shifts) {
      const pieces = outOfHoursPieces(Math.max(shift.start.getTime(), dayStart), Math.min(shift.end.getTime(), dayEnd), window);
      for (const [start, end] of pieces) {
        result.get(day)!.push({
          key: `${day}-${shift.layer}-${start}`,
          layer: shift.layer,
          personId: shift.personId,
          from: clock.format(start),
          to: end === dayEnd ? "24:00" : clock.format(end),
          source: shift.source,
          overrideKind: shift.overrideKind,
          rotationPersonId: shift.rotationPersonId,
          onLeave: clashes(shift, start, end),
        });
      }
    }
  });
  return result;
}

export function formatInZone(date: Date, zone: string, format = "ccc d LLL HH:mm"): string {
  return DateTime.fromJSDate(date, { zone }).toFormat(format);
}

/** "2026-11-26T18:00" for a datetime-local input showing the instant in the zone. */
export function toLocalInput(date: Date, zone: string): string {
  return DateTime.fromJSDate(date, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}
