// A review's impact figures, computed from the incident while the review is drafted and frozen in
// the review's columns when it is published. Pure, on lib/reliability's availability rules:
// - availability lost: the incident's own unavailability window (an open one runs until now);
// - budget spent: the minutes this incident added to the responding service's unavailability, that
//   is its window less what overlapping incidents of the service already counted (overlaps count
//   once in the error budget), with the share of the 28-day budget in force when it was regained;
// - estimated loss: the incident's loss per hour times the hours lost, when a loss was estimated.
import { budgetMs, DAY, mergeWindows, MINUTE, unavailableMs, type ImpactWindow, type TargetChange } from "../reliability/availability";
import { BUDGET_DAYS } from "../reliability/budget-policy";

export type ImpactFigures = {
  availabilityLostMinutes: number;
  budgetSpentMinutes: number;
  /** Budget spent over the 28-day budget in force at the end of the window; null without a budget. */
  budgetShare: number | null;
  estimatedLoss: number | null;
};

export function impactFigures(input: {
  window: ImpactWindow;
  /** Other incidents' windows on the same service (overlapping or not). */
  others: readonly ImpactWindow[];
  changes: readonly TargetChange[];
  lossPerHour: number | null;
  now: Date;
}): ImpactFigures {
  const now = input.now.getTime();
  const from = input.window.lostAt.getTime();
  const to = Math.min(input.window.regainedAt?.getTime() ?? now, now);
  if (to <= from) return { availabilityLostMinutes: 0, budgetSpentMinutes: 0, budgetShare: input.changes.length ? 0 : null, estimatedLoss: input.lossPerHour === null ? null : 0 };
  const period = { from, to };
  const lostMs = to - from;
  const withIt = unavailableMs(mergeWindows([...input.others, input.window], now), period);
  const without = unavailableMs(mergeWindows(input.others, now), period);
  const spentMs = Math.max(0, withIt - without);
  const budget = input.changes.length ? budgetMs(input.changes, { from: to - BUDGET_DAYS * DAY, to }) : 0;
  return {
    availabilityLostMinutes: Math.round(lostMs / MINUTE),
    budgetSpentMinutes: Math.round((spentMs / MINUTE) * 10) / 10,
    budgetShare: budget > 0 ? spentMs / budget : null,
    estimatedLoss: input.lossPerHour === null ? null : Math.round((input.lossPerHour * lostMs) / (60 * MINUTE)),
  };
}
