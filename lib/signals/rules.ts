// Pure rules of the anti-pattern signals (docs/SIGNALS.md): each takes plain numbers and a clock, and
// says whether the pattern shows and with which evidence. The thresholds are named constants, so the
// page, the docs and the table-driven tests say the same thing.
import type { AvailabilityTarget } from "../generated/prisma/enums.ts";
import { onCallLevel, targetRank } from "../catalog/availability";

export const THIN_ROTA_MIN_PEOPLE = 3;
/** Load far from fair: the busiest person carries at least this many times the median's on-call hours. */
export const UNFAIR_LOAD_RATIO = 1.5;
export const LOAD_WEEKS = 12;
export const STUCK_AFTER_DAYS = 60;
/** Unplanned work rising: the last 4 weeks at least this many times the 4 before (and at least MIN_RISING events)… */
export const RISING_RATIO = 1.5;
export const MIN_RISING = 4;
/** …or each of the last 3 weeks above the one before. */
export const RISING_STREAK = 3;
export const UNPLANNED_WEEKS = 8;
/** Lost accountability: lead time or time to restore after the move at least this many times before. */
export const WORSE_RATIO = 1.25;
export const ACCOUNTABILITY_WINDOW_DAYS = 60;

// ---------------------------------------------------------------------------------------------------
// Inflated targets

export type TargetedService = { slug: string; name: string; teamId: string; target: AvailabilityTarget };

/** Every service at the highest band's target: the bands no longer tell services apart. */
export function everyServiceAtTop(counts: { total: number; atTop: number }, topBandTarget: AvailabilityTarget | null): boolean {
  return topBandTarget !== null && counts.total > 1 && counts.atTop === counts.total;
}

/**
 * A live team schedule whose team owns no service that calls for it: out of hours, a team's own rota
 * covers only its services of 99.9% and above (lib/oncall: 99.0% is the domain's, 95.0% waits for the
 * morning). Returns the team's services (all below 99.9%) when the schedule is such a rota.
 */
export function teamScheduleWithoutNeed(teamServices: readonly TargetedService[]): TargetedService[] | null {
  if (teamServices.length === 0) return null;
  return teamServices.every((service) => onCallLevel(service.target).level !== "TEAM") ? [...teamServices] : null;
}

export const atLeast999 = (target: AvailabilityTarget) => targetRank(target) >= targetRank("P99_9");

// ---------------------------------------------------------------------------------------------------
// Thin rotas

export type RotaLoad = { participants: number; hoursByPerson: readonly number[] };

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export type RotaVerdict = { thin: boolean; unfair: boolean; maxHours: number; medianHours: number | null; ratio: number | null };

export function rotaVerdict(rota: RotaLoad): RotaVerdict {
  const hours = rota.hoursByPerson.filter((value) => value > 0);
  const maxHours = hours.length ? Math.max(...hours) : 0;
  const medianHours = median(hours);
  const ratio = medianHours && hours.length >= 2 ? maxHours / medianHours : null;
  return { thin: rota.participants < THIN_ROTA_MIN_PEOPLE, unfair: ratio !== null && ratio >= UNFAIR_LOAD_RATIO, maxHours, medianHours, ratio };
}

// ---------------------------------------------------------------------------------------------------
// Excessive unplanned work

/** Counts per 7-day bucket ending at `now`, oldest first, from rows counted by whole weeks ago (0: the last 7 days). */
export function countsByWeeksAgo(rows: readonly { weeksAgo: number; count: number }[], weeks = UNPLANNED_WEEKS): number[] {
  const counts = new Array<number>(weeks).fill(0);
  for (const row of rows) {
    if (row.weeksAgo < 0 || row.weeksAgo >= weeks) continue;
    counts[weeks - 1 - row.weeksAgo]! += row.count;
  }
  return counts;
}

export type RisingVerdict = { rising: boolean; why: "streak" | "ratio" | null; last4: number; previous4: number };

/** Rising week on week: each of the last 3 weeks above the one before, or the last 4 weeks ≥ 1.5× the 4 before. */
export function risingVerdict(counts: readonly number[]): RisingVerdict {
  const last4 = counts.slice(-4).reduce((a, b) => a + b, 0);
  const previous4 = counts.slice(-8, -4).reduce((a, b) => a + b, 0);
  const tail = counts.slice(-(RISING_STREAK + 1));
  const streak = tail.length === RISING_STREAK + 1 && tail.every((value, index) => index === 0 || value > tail[index - 1]!);
  const ratio = last4 >= MIN_RISING && last4 >= RISING_RATIO * previous4 && last4 > previous4;
  return { rising: streak || ratio, why: streak ? "streak" : ratio ? "ratio" : null, last4, previous4 };
}

// ---------------------------------------------------------------------------------------------------
// Stuck actions

export function ageDays(openedAt: Date, now: Date): number {
  return Math.floor((now.getTime() - openedAt.getTime()) / 86_400_000);
}

export const isStuck = (openedAt: Date, now: Date) => ageDays(openedAt, now) > STUCK_AFTER_DAYS;

// ---------------------------------------------------------------------------------------------------
// Lost accountability

export type Comparison = { beforeMs: number | null; afterMs: number | null; worse: boolean; ratio: number | null };

/** Medians before and after the move; worse when after ≥ 1.25 × before (both need a value). */
export function compareMedians(before: readonly number[], after: readonly number[]): Comparison {
  const beforeMs = median(before);
  const afterMs = median(after);
  const ratio = beforeMs !== null && afterMs !== null && beforeMs > 0 ? afterMs / beforeMs : null;
  return { beforeMs, afterMs, worse: ratio !== null && ratio >= WORSE_RATIO, ratio };
}

/** The windows compared around a move at `changedAt`: 60 days each, the after window cut at now. Null when too recent to judge (under 14 days). */
export function accountabilityWindows(changedAt: Date, now: Date): { before: { from: Date; to: Date }; after: { from: Date; to: Date } } | null {
  const day = 86_400_000;
  const span = Math.min(ACCOUNTABILITY_WINDOW_DAYS * day, now.getTime() - changedAt.getTime());
  if (span < 14 * day) return null;
  return {
    before: { from: new Date(changedAt.getTime() - ACCOUNTABILITY_WINDOW_DAYS * day), to: changedAt },
    after: { from: changedAt, to: new Date(changedAt.getTime() + span) },
  };
}
