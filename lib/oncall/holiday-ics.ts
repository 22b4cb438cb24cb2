// Public holidays from an iCalendar (.ics) file, as published by governments and calendar providers:
// all-day events become dated holidays. Pure: text in, dates out. Parsing is ical.js (RFC 5545).
import ICAL from "ical.js";
import { DateTime } from "luxon";

export type ParsedHoliday = { date: string; name: string };
export type HolidayParse = { holidays: ParsedHoliday[]; skipped: number };

/** Recurring events are expanded this far: enough for a few years of planning, bounded for bad files. */
const MAX_OCCURRENCES = 50;
const MAX_DAYS_PER_EVENT = 14;

/** Throws an Error with a readable message when the text is not an iCalendar. */
export function parseHolidayIcs(text: string, until: DateTime = DateTime.utc().plus({ years: 3 })): HolidayParse {
  let component: ICAL.Component;
  try {
    component = new ICAL.Component(ICAL.parse(text));
  } catch {
    throw new Error("That file is not a valid iCalendar (.ics) file.");
  }
  if (component.name !== "vcalendar") throw new Error("That file is not a valid iCalendar (.ics) file.");
  const byDate = new Map<string, string>();
  let skipped = 0;
  const add = (start: ICAL.Time, end: ICAL.Time | null, name: string) => {
    // Timed events (a holiday "from 13:00") are not whole days off: skipped, and counted.
    if (!start.isDate) {
      skipped += 1;
      return;
    }
    const first = DateTime.fromObject({ year: start.year, month: start.month, day: start.day }, { zone: "utc" });
    const last = end && end.isDate ? DateTime.fromObject({ year: end.year, month: end.month, day: end.day }, { zone: "utc" }) : first.plus({ days: 1 });
    const days = Math.max(1, Math.min(MAX_DAYS_PER_EVENT, Math.round(last.diff(first, "days").days)));
    for (let i = 0; i < days; i += 1) {
      const date = first.plus({ days: i }).toISODate()!;
      if (!byDate.has(date)) byDate.set(date, name);
    }
  };
  for (const vevent of component.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(vevent);
    const name = (event.summary || "Holiday").trim().slice(0, 100);
    if (!event.startDate) {
      skipped += 1;
      continue;
    }
    if (!event.isRecurring()) {
      add(event.startDate, event.endDate ?? null, name);
      continue;
    }
    const iterator = event.iterator();
    for (let i = 0, next = iterator.next(); next && i < MAX_OCCURRENCES; i += 1, next = iterator.next()) {
      if (next.year > until.year) break;
      const occurrence = event.getOccurrenceDetails(next);
      add(occurrence.startDate, occurrence.endDate, name);
    }
  }
  const holidays = [...byDate].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
  return { holidays, skipped };
}
