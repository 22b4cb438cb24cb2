// The balance of operational against product work, by estimate (story points). Pure: the items and a
// clock come in. Weeks are ISO weeks in UTC (Monday 00:00 UTC to the next Monday): the backlog is a
// team's, not a service's, and one fixed zone keeps every team's chart comparable. An unestimated item
// counts as zero points (the page says how many there are).
import type { TItemType, TStatus } from "./schemas";

export type BalanceItem = { type: TItemType; status: TStatus; estimate: number | null; doneAt: Date | null };

export type Share = {
  /** Points of operational work. */
  operational: number;
  /** Points of all work. */
  total: number;
  /** operational / total as a percentage, one decimal; null when nothing is estimated. */
  share: number | null;
  /** Items counted with no estimate (as zero). */
  unestimated: number;
};

const DAY = 86_400_000;
export const DONE_WEEKS = 12;
/** The API's and the summary's done share: the last four ISO weeks, this one included. */
export const DONE_SHARE_WEEKS = 4;

export const percent = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

function share(items: readonly BalanceItem[]): Share {
  let operational = 0;
  let total = 0;
  let unestimated = 0;
  for (const item of items) {
    if (item.estimate === null) unestimated += 1;
    const points = item.estimate ?? 0;
    total += points;
    if (item.type === "OPERATIONAL") operational += points;
  }
  return { operational, total, share: percent(operational, total), unestimated };
}

/** Planned share: the OPEN items (to do and doing). */
export function plannedShare(items: readonly BalanceItem[]): Share {
  return share(items.filter((item) => item.status !== "DONE"));
}

/** Monday 00:00 UTC of the ISO week holding `at`. */
export function isoWeekStart(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY);
}

export type WeekShare = Share & { /** Monday, YYYY-MM-DD (UTC). */ week: string };

/** Done share per ISO week, the oldest first, for the `weeks` weeks ending with the one holding `now`. */
export function doneByWeek(items: readonly BalanceItem[], now: Date, weeks = DONE_WEEKS): WeekShare[] {
  const current = isoWeekStart(now).getTime();
  const first = current - (weeks - 1) * 7 * DAY;
  const buckets: BalanceItem[][] = Array.from({ length: weeks }, () => []);
  for (const item of items) {
    if (item.status !== "DONE" || !item.doneAt) continue;
    const at = item.doneAt.getTime();
    if (at < first || at >= current + 7 * DAY) continue;
    buckets[Math.floor((at - first) / (7 * DAY))]!.push(item);
  }
  return buckets.map((bucket, index) => ({ week: new Date(first + index * 7 * DAY).toISOString().slice(0, 10), ...share(bucket) }));
}

/** The done share over the last `n` weeks of a week series (points summed, not shares averaged). */
export function recentDoneShare(weeks: readonly WeekShare[], n = DONE_SHARE_WEEKS): Share {
  const recent = weeks.slice(-n);
  const operational = recent.reduce((sum, week) => sum + week.operational, 0);
  const total = recent.reduce((sum, week) => sum + week.total, 0);
  return { operational, total, share: percent(operational, total), unestimated: recent.reduce((sum, week) => sum + week.unestimated, 0) };
}

export type BalanceVerdict = "UNDER" | "ON" | "OVER" | null;
/** Planned share against the target, within one percentage point counts as on target. */
export function verdict(plannedSharePercent: number | null, target: number | null): BalanceVerdict {
  if (plannedSharePercent === null || target === null) return null;
  if (plannedSharePercent < target - 1) return "UNDER";
  if (plannedSharePercent > target + 1) return "OVER";
  return "ON";
}
