// The change calendar's range: a Monday-to-Sunday week, or the weeks that hold a month (UTC). Pure.
export type CalendarView = "week" | "month";

const DAY = 86_400_000;

function mondayOf(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY);
}

export function calendarRange(view: CalendarView, anchor: Date): { from: Date; to: Date; days: Date[]; previous: string; next: string; title: string } {
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  if (view === "week") {
    const from = mondayOf(anchor);
    const days = Array.from({ length: 7 }, (_, index) => new Date(from.getTime() + index * DAY));
    return { from, to: new Date(from.getTime() + 7 * DAY), days, previous: iso(new Date(from.getTime() - 7 * DAY)), next: iso(new Date(from.getTime() + 7 * DAY)), title: `Week of ${iso(from)}` };
  }
  const first = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), 1));
  const nextMonth = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() + 1, 1));
  const from = mondayOf(first);
  const weeks = Math.ceil((nextMonth.getTime() - from.getTime()) / (7 * DAY));
  const days = Array.from({ length: weeks * 7 }, (_, index) => new Date(from.getTime() + index * DAY));
  const previous = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() - 1, 1));
  return { from, to: new Date(from.getTime() + weeks * 7 * DAY), days, previous: iso(previous), next: iso(nextMonth), title: first.toLocaleString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }) };
}

/** Items whose [start, end) overlaps the UTC day. */
export function onDay<T>(items: readonly T[], day: Date, span: (item: T) => [Date, Date]): T[] {
  const end = day.getTime() + DAY;
  return items.filter((item) => {
    const [start, stop] = span(item);
    return start.getTime() < end && stop.getTime() > day.getTime();
  });
}

export type ScopedFreeze = { scope: "ORGANISATION" | "DOMAIN" | "TEAM" | "SERVICE"; serviceId: string | null; teamId: string | null; domainId: string | null };
export type CalendarService = { id: string; teamId: string; domainId: string | null };

/**
 * Whether a freeze covers what the calendar shows: the whole organisation (no service chosen) only
 * when it is organisation-wide; a chosen service when the freeze is on it, its team, its domain or
 * everything. A one-service freeze must not paint every day of the organisation as frozen.
 */
export function freezeCovers(freeze: ScopedFreeze, service: CalendarService | null): boolean {
  if (freeze.scope === "ORGANISATION") return true;
  if (!service) return false;
  if (freeze.scope === "SERVICE") return freeze.serviceId === service.id;
  if (freeze.scope === "TEAM") return freeze.teamId === service.teamId;
  return freeze.domainId !== null && freeze.domainId === service.domainId;
}
