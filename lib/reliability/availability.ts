// Time-based availability against the target in force, as pure functions over impact windows and a
// service's target history. No I/O: lib/reliability/queries.ts reads the rows, callers pass the clock.
//
// Definitions (hand-worked examples in availability.test.ts, the reasons in docs/AVAILABILITY.md):
// - Unavailable time is the union of the impact windows (availabilityLostAt → availabilityRegainedAt,
//   an open window runs until now) of every incident affecting the service, whatever its impact:
//   overlapping incidents count once.
// - The budget of a period is the unavailability its targets tolerate, piecewise: each stretch of the
//   period against the target in force then ((1 − target) × length). A target change applies from its
//   moment on; before a service's first recorded target, that first target applies.
// - Availability is 1 − unavailable / length; the period is on target while unavailable ≤ budget.
import type { AvailabilityTarget } from "../generated/prisma/enums.ts";
import { TARGET_PERCENT } from "../catalog/availability";

/** A stretch of time in ms; `open`: a loss of availability still going on (its `to` is now). */
export type Interval = { from: number; to: number; open?: boolean };
export type ImpactWindow = { lostAt: Date; regainedAt: Date | null };
export type TargetChange = { target: AvailabilityTarget; effectiveFrom: Date };

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The windows as intervals (open ones until now), sorted and merged: overlapping or touching ones become one. */
export function mergeWindows(windows: readonly ImpactWindow[], now: number): Interval[] {
  const intervals = windows
    .map((window) => ({ from: window.lostAt.getTime(), to: Math.min(window.regainedAt?.getTime() ?? now, now), open: window.regainedAt === null || window.regainedAt.getTime() > now }))
    .filter((interval) => interval.to > interval.from)
    .sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const interval of intervals) {
    const last = merged.at(-1);
    if (last && interval.from <= last.to) {
      last.to = Math.max(last.to, interval.to);
      last.open = last.open || interval.open;
    }
    else merged.push({ ...interval });
  }
  return merged;
}

/** Milliseconds of merged intervals inside the period. */
export function unavailableMs(merged: readonly Interval[], period: Interval): number {
  let total = 0;
  for (const interval of merged) {
    if (interval.from >= period.to) break;
    total += Math.max(0, Math.min(interval.to, period.to) - Math.max(interval.from, period.from));
  }
  return total;
}

/** The stretches of the period and the target in force over each, in time order. */
export function targetSegments(changes: readonly TargetChange[], period: Interval): { from: number; to: number; target: AvailabilityTarget }[] {
  const ordered = [...changes].sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime());
  if (ordered.length === 0 || period.to <= period.from) return [];
  const segments: { from: number; to: number; target: AvailabilityTarget }[] = [];
  ordered.forEach((change, index) => {
    // The first target also stands for any time before it was recorded.
    const from = index === 0 ? period.from : Math.max(period.from, change.effectiveFrom.getTime());
    const to = Math.min(period.to, ordered[index + 1]?.effectiveFrom.getTime() ?? period.to);
    if (to > from) segments.push({ from, to, target: change.target });
  });
  return segments;
}

/** The unavailability the targets in force tolerate over the period, in ms. */
export function budgetMs(changes: readonly TargetChange[], period: Interval): number {
  return targetSegments(changes, period).reduce((sum, segment) => sum + ((100 - TARGET_PERCENT[segment.target]) / 100) * (segment.to - segment.from), 0);
}

export type PeriodAvailability = {
  from: Date;
  to: Date;
  /** Share of the period available, 0..1 (1 for an empty period). */
  availability: number;
  /** The target the period is held to, 0..1: the time-weighted average of the targets in force. */
  target: number;
  unavailableMs: number;
  budgetMs: number;
  onTarget: boolean;
};

export function periodAvailability(merged: readonly Interval[], changes: readonly TargetChange[], period: Interval): PeriodAvailability {
  const length = Math.max(0, period.to - period.from);
  const down = unavailableMs(merged, period);
  const budget = budgetMs(changes, period);
  return {
    from: new Date(period.from),
    to: new Date(period.to),
    availability: length ? 1 - down / length : 1,
    target: length ? 1 - budget / length : 1,
    unavailableMs: down,
    budgetMs: budget,
    // A millisecond's rounding is not a breach.
    onTarget: down <= budget + 1e-6,
  };
}

/**
 * Burn rate over the window ending now: how many times faster than the targets allow the budget is
 * being spent (1 = exactly the budget over the window, 0 = no unavailability). Null without a target.
 */
export function burnRate(merged: readonly Interval[], changes: readonly TargetChange[], now: number, windowMs: number): number | null {
  const window = { from: now - windowMs, to: now };
  const budget = budgetMs(changes, window);
  return budget > 0 ? unavailableMs(merged, window) / budget : null;
}

export type BurnRates = { "1h": number | null; "6h": number | null; "3d": number | null };
export type BurnAlert = "FAST" | "SLOW" | null;

/**
 * The SRE workbook's multiwindow, multi-burn-rate alerts (chapter 5, "Alerting on SLOs"): a fast burn
 * is 14.4× over 1 h or 6× over 6 h, a slow burn 1× over 3 days; each only while a short window (1/12
 * of the long one: 5 min, 30 min, 6 h) burns as fast too, so the flag clears soon after availability
 * is restored instead of lingering for the long window.
 */
export function burnAlert(merged: readonly Interval[], changes: readonly TargetChange[], now: number): { rates: BurnRates; alert: BurnAlert } {
  const rate = (ms: number) => burnRate(merged, changes, now, ms);
  const rates: BurnRates = { "1h": rate(HOUR), "6h": rate(6 * HOUR), "3d": rate(3 * DAY) };
  const over = (value: number | null, threshold: number) => value !== null && value >= threshold;
  const fast = (over(rates["1h"], 14.4) && over(rate(5 * MINUTE), 14.4)) || (over(rates["6h"], 6) && over(rate(30 * MINUTE), 6));
  const slow = over(rates["3d"], 1) && over(rates["6h"], 1);
  return { rates, alert: fast ? "FAST" : slow ? "SLOW" : null };
}

/** Linear interpolation between closest ranks (percentile_cont, as DORA's figures use); null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

/**
 * Time to restore availability: the length of each loss of availability (merged windows, so two
 * overlapping incidents are one loss) that was regained inside the period, whole, even if it began
 * before. A loss still open is not restored yet and counts in `ongoing` instead.
 */
export function timeToRestore(merged: readonly Interval[], period: Interval): { p50Ms: number; maxMs: number; count: number; ongoing: number } | null {
  const restored = merged.filter((interval) => !interval.open && interval.to > period.from && interval.to <= period.to);
  const ongoing = merged.filter((interval) => interval.open && interval.from < period.to).length;
  const durations = restored.map((interval) => interval.to - interval.from);
  if (durations.length === 0) return null;
  return { p50Ms: percentile(durations, 0.5)!, maxMs: Math.max(...durations), count: durations.length, ongoing };
}
