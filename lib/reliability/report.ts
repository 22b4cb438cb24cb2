// A service's availability report from its impact windows and target history: the figures of the
// service page, the API and the product manager's card. Pure: the caller passes the rows and the clock.
import { DateTime } from "luxon";
import type { AvailabilityTarget } from "../generated/prisma/enums.ts";
import {
  burnAlert, DAY, mergeWindows, MINUTE, periodAvailability, timeToRestore, unavailableMs,
  type BurnAlert, type BurnRates, type ImpactWindow, type Interval, type PeriodAvailability, type TargetChange,
} from "./availability";

/** Weeks are calendar weeks (Monday to Monday) where the organisation reports: 167 or 169 hours in DST weeks. */
export const REPORTING_TIME_ZONE = "Europe/London";

export type WeekAvailability = PeriodAvailability & { week: string };

/**
 * One point per local calendar week overlapping [from, now]: whole weeks, the current one up to now
 * (availability of a week is of its time so far). `week` is the Monday, YYYY-MM-DD, in the zone.
 */
export function weeklyAvailability(
  merged: readonly Interval[], changes: readonly TargetChange[], range: { from: number; now: number }, zone = REPORTING_TIME_ZONE,
): WeekAvailability[] {
  const weeks: WeekAvailability[] = [];
  for (let start = DateTime.fromMillis(range.from, { zone }).startOf("week"); start.toMillis() < range.now; start = start.plus({ weeks: 1 })) {
    const to = Math.min(start.plus({ weeks: 1 }).toMillis(), range.now);
    weeks.push({ week: start.toISODate()!, ...periodAvailability(merged, changes, { from: start.toMillis(), to }) });
  }
  return weeks;
}

export type AvailabilityIncident = { id: string; number: number; title: string; lostAt: Date; regainedAt: Date | null };

export type AvailabilityReport = {
  days: number;
  /** The target in force now, and the period's figures against the targets in force over it. */
  target: AvailabilityTarget | null;
  period: PeriodAvailability;
  budgetLeftMs: number;
  /** The whole budget of the period is spent (and something was spent). */
  budgetSpent: boolean;
  burnRates: BurnRates;
  burn: BurnAlert;
  timeToRestore: { p50Ms: number; maxMs: number; count: number; ongoing: number } | null;
  /** Incidents whose window overlaps the period, newest first, with their minutes inside it. */
  incidents: (AvailabilityIncident & { minutesInPeriod: number })[];
};

export function targetAt(changes: readonly TargetChange[], at: number): AvailabilityTarget | null {
  let current: TargetChange | undefined;
  for (const change of changes) {
    if (change.effectiveFrom.getTime() <= at && (!current || change.effectiveFrom > current.effectiveFrom)) current = change;
  }
  // Before the first recorded target, the first one applies.
  return (current ?? [...changes].sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime())[0])?.target ?? null;
}

export function availabilityReport(
  incidents: readonly (AvailabilityIncident & ImpactWindow)[], changes: readonly TargetChange[], days: number, now: Date,
): AvailabilityReport {
  const at = now.getTime();
  const window = { from: at - days * DAY, to: at };
  const merged = mergeWindows(incidents, at);
  const period = periodAvailability(merged, changes, window);
  const { rates, alert } = burnAlert(merged, changes, at);
  const overlapping = incidents
    .filter((incident) => incident.lostAt.getTime() < window.to && (incident.regainedAt === null || incident.regainedAt.getTime() > window.from))
    .map((incident) => {
      const inside = unavailableMs(mergeWindows([incident], at), window);
      return { id: incident.id, number: incident.number, title: incident.title, lostAt: incident.lostAt, regainedAt: incident.regainedAt, minutesInPeriod: inside / MINUTE };
    })
    .sort((a, b) => b.lostAt.getTime() - a.lostAt.getTime());
  const budgetLeftMs = period.budgetMs - period.unavailableMs;
  return {
    days,
    target: targetAt(changes, at),
    period,
    budgetLeftMs,
    budgetSpent: period.unavailableMs > 0 && budgetLeftMs <= 1e-6,
    burnRates: rates,
    burn: alert,
    timeToRestore: timeToRestore(merged, window),
    incidents: overlapping,
  };
}
