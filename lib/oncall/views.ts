// Read models for the on-call pages and feeds: queries + the pure engine, no writes.
import type { DbTx } from "../db";
import { calendarRange, segmentsByDay, type CalendarView, type DaySegment } from "./calendar";
import { dayKindOf } from "./working-hours";
import { buildOnCallCalendar, type FeedShift } from "./ical-feed";
import { activeFeedToken, feedByToken, listLeaveOf, listRequestsFor, loadSchedules, peopleByIds, scheduleIdsForPerson, schedulePageHead, type LoadedSchedule, type PersonRef } from "./queries";
import { ScheduleCache } from "./schedule-cache";
import { finalShifts, shiftAt, stretchEnd, type FinalShift } from "./shift-engine";

const DAY_MS = 86_400_000;
/** Upcoming shifts shown for swaps and "my shifts". */
export const UPCOMING_DAYS = 56;

export type ScheduleSummary = {
  slug: string; name: string; kind: "TEAM" | "DOMAIN"; ownerName: string; timeZone: string; participantCount: number;
  primary: PersonRef | null; secondary: PersonRef | null; until: Date | null; next: (PersonRef & { from: Date }) | null;
};

export async function schedulesOverview(tx: DbTx, now = new Date()): Promise<ScheduleSummary[]> {
  const to = new Date(now.getTime() + 60 * DAY_MS);
  const schedules = await loadSchedules(tx, {}, now, to);
  const computed = schedules.map((schedule) => {
    const shifts = finalShifts(schedule.engine, now, to);
    const primary = shiftAt(shifts, "PRIMARY", now);
    const secondary = shiftAt(shifts, "SECONDARY", now);
    return { schedule, primary, secondary, until: primary.current ? stretchEnd(shifts, primary.current) : null };
  });
  const people = await peopleByIds(tx, computed.flatMap((row) => [row.primary.current?.personId, row.secondary.current?.personId, row.primary.next?.personId].filter((id): id is string => !!id)));
  return computed.map(({ schedule, primary, secondary, until }) => ({
    slug: schedule.slug, name: schedule.name, kind: schedule.kind, ownerName: schedule.ownerName, timeZone: schedule.engine.timeZone,
    participantCount: schedule.participants.length,
    primary: primary.current ? (people.get(primary.current.personId) ?? null) : null,
    secondary: secondary.current ? (people.get(secondary.current.personId) ?? null) : null,
    until,
    next: primary.next && people.get(primary.next.personId) ? { ...people.get(primary.next.personId)!, from: primary.next.start } : null,
  }));
}

export type UpcomingShift = { scheduleId: string; scheduleSlug: string; scheduleName: string; timeZone: string; layer: FinalShift["layer"]; person: PersonRef; start: Date; end: Date; source: FinalShift["source"]; onLeave: boolean };

function upcoming(schedule: LoadedSchedule, shifts: readonly FinalShift[], people: Map<string, PersonRef>): UpcomingShift[] {
  return shifts.flatMap((shift) => {
    const person = people.get(shift.personId);
    return person
      ? [{ scheduleId: schedule.id, scheduleSlug: schedule.slug, scheduleName: schedule.name, timeZone: schedule.engine.timeZone, layer: shift.layer, person, start: shift.start, end: shift.end, source: shift.source, onLeave: shift.leaveIds.length > 0 }]
      : [];
  });
}

/** A schedule page's loaded rows and the window they were read for (calendar range and upcoming shifts). */
type PageRows = {
  from: number; to: number; schedule: LoadedSchedule;
  /** The calendar grids computed from these rows, by range: the same rows give the same grid. */
  grids: Map<string, { shifts: FinalShift[]; days: Map<string, DaySegment[]> }>;
};
const pageCache = new ScheduleCache<PageRows>(500);

/** Forgets every cached schedule page's rows (tests compare warm answers with cold ones). */
export function clearScheduleViewCache(): void {
  pageCache.clear();
}

export async function scheduleView(tx: DbTx, slug: string, view: CalendarView, anchor: string, now = new Date()) {
  // The exact range depends on the schedule's zone, which comes with the schedule: load a day more on
  // each side of the UTC range (no zone is more than 14 hours off), so the rows serve any zone.
  const utcRange = calendarRange(view, anchor, "UTC");
  const upcomingTo = new Date(now.getTime() + UPCOMING_DAYS * DAY_MS);
  const from = Math.min(utcRange.from.getTime() - DAY_MS, now.getTime());
  const to = Math.max(utcRange.to.getTime() + DAY_MS, upcomingTo.getTime());
  // Stamp, upcoming overrides and feed link in one round trip; the schedule's rows (rotations, overrides,
  // leave, holidays, names) only when its stamp changed or the cached window no longer covers [from, to).
  const head = await schedulePageHead(tx, slug, now);
  // Archived schedules cover nothing and have no page.
  if (!head) return null;
  const { overrides, feedToken } = head;
  let rows = pageCache.get(head.id, head.version, (cached) => cached.from <= from && to <= cached.to);
  if (!rows) {
    // A day more ahead lets the rows serve the next day's requests too, as `now` moves on.
    const loadTo = to + DAY_MS;
    const [loaded] = await loadSchedules(tx, { id: head.id }, new Date(from), new Date(loadTo));
    if (!loaded) return null;
    rows = { from, to: loadTo, schedule: loaded, grids: new Map() };
    pageCache.set(head.id, head.version, rows);
  }
  const schedule = rows.schedule;
  const zone = schedule.engine.timeZone;
  const range = calendarRange(view, anchor, zone);
  const gridKey = `${range.from.getTime()}|${range.to.getTime()}`;
  let grid = rows.grids.get(gridKey);
  if (!grid) {
    const shifts = finalShifts(schedule.engine, range.from, range.to);
    grid = { shifts, days: segmentsByDay(shifts, range.days, zone, { hours: schedule.hours, leave: schedule.engine.leave }) };
    if (rows.grids.size >= 24) rows.grids.clear();
    rows.grids.set(gridKey, grid);
  }
  const calendarShifts = grid.shifts;
  const nextShifts = finalShifts(schedule.engine, now, upcomingTo);
  // Leave of today's participants in the visible range, from the leave the engine already has.
  const participantIds = new Set(schedule.participants.map((person) => person.id));
  const leave = schedule.engine.leave
    .filter((entry) => participantIds.has(entry.personId) && entry.startsAt < range.to && entry.endsAt > range.from)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((entry) => ({ ...entry, person: { name: schedule.people.get(entry.personId)?.name ?? "Unknown" } }));
  const known = schedule.people;
  const missing = [...calendarShifts, ...nextShifts].flatMap((shift) => [shift.personId, shift.rotationPersonId ?? shift.personId]).filter((id) => !known.has(id));
  const people = missing.length ? new Map([...known, ...(await peopleByIds(tx, missing))]) : known;
  return {
    schedule,
    range,
    days: grid.days,
    /** Working day, weekend or public holiday, per day shown: the calendar marks holidays and working hours. */
    dayKinds: new Map(range.days.map((day) => [day, dayKindOf(day, schedule.hours)])),
    hours: schedule.hours,
    people,
    leave,
    overrides,
    now: { primary: shiftAt(nextShifts, "PRIMARY", now), secondary: shiftAt(nextShifts, "SECONDARY", now) },
    upcoming: upcoming(schedule, nextShifts, people),
    feedToken,
  };
}

/** A person's final shifts on every schedule they are part of, from now to UPCOMING_DAYS ahead, soonest first. */
export async function upcomingShiftsOf(tx: DbTx, personId: string, now = new Date()): Promise<UpcomingShift[]> {
  const to = new Date(now.getTime() + UPCOMING_DAYS * DAY_MS);
  // The person's name is read beside their schedules, not after them: the home waits on this chain.
  const [ids, people] = await Promise.all([scheduleIdsForPerson(tx, personId), peopleByIds(tx, [personId])]);
  if (!ids.length) return [];
  const schedules = await loadSchedules(tx, { id: { in: ids } }, now, to);
  const me = people.get(personId)!;
  return schedules
    .flatMap((schedule) => upcoming(schedule, finalShifts(schedule.engine, now, to).filter((shift) => shift.personId === personId), new Map([[personId, me]])))
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

export async function myShiftsView(tx: DbTx, personId: string, now = new Date()) {
  const shifts = await upcomingShiftsOf(tx, personId, now);
  const optedOut = await tx.onCallOptOut.findMany({ where: { personId }, select: { schedule: { select: { slug: true, name: true } } } });
  return {
    shifts,
    requests: await listRequestsFor(tx, personId),
    // All of the person's leave that is not cancelled, whenever it lies: whatever they recorded, they can find and cancel.
    leave: await listLeaveOf(tx, personId),
    optedOut: optedOut.map((row) => row.schedule),
    feedToken: await activeFeedToken(tx, { personId }),
  };
}

/** The .ics body for a feed token, or null when the token is unknown or revoked. From 30 days back to 180 ahead. */
export async function feedCalendar(tx: DbTx, token: string, now = new Date()): Promise<string | null> {
  const feed = await feedByToken(tx, token);
  if (!feed) return null;
  const from = new Date(now.getTime() - 30 * DAY_MS);
  const to = new Date(now.getTime() + 180 * DAY_MS);
  const scheduleIds = feed.scheduleId ? [feed.scheduleId] : await scheduleIdsForPerson(tx, feed.personId!);
  const schedules = scheduleIds.length ? await loadSchedules(tx, { id: { in: scheduleIds } }, from, to) : [];
  const all = schedules.flatMap((schedule) =>
    finalShifts(schedule.engine, from, to)
      .filter((shift) => !feed.personId || shift.personId === feed.personId)
      .map((shift) => ({ shift, schedule })),
  );
  const people = await peopleByIds(tx, all.flatMap(({ shift }) => [shift.personId, shift.rotationPersonId ?? shift.personId]));
  const shifts: FeedShift[] = all.map(({ shift, schedule }) => ({
    ...shift,
    scheduleId: schedule.id,
    scheduleName: schedule.name,
    personName: people.get(shift.personId)?.name ?? "Unknown",
    rotationPersonName: shift.rotationPersonId ? (people.get(shift.rotationPersonId)?.name ?? null) : null,
  }));
  const name = feed.scheduleId ? `On call: ${schedules[0]?.name ?? "schedule"}` : `My on-call shifts (${people.get(feed.personId!)?.name ?? ""})`;
  return buildOnCallCalendar({ name, timeZone: schedules[0]?.engine.timeZone ?? "UTC", shifts, now });
}
