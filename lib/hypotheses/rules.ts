// Pure rules of outcome hypotheses: the sentence, when a result may be recorded, the status shown, and
// what a linked release cost in error budget. No I/O; the clock comes in.
import type { AvailabilityTarget } from "../generated/prisma/enums.ts";
import { budgetMs, DAY, mergeWindows, MINUTE, type ImpactWindow } from "../reliability/availability";
import { BUDGET_DAYS } from "../reliability/budget-policy";
import { HYPOTHESIS_NUMBER } from "./schemas";

export type HypothesisParts = { capability: string; outcome: string; metric: string; amount: string; measureBy: Date };

/** The day a hypothesis is measured by, as written: YYYY-MM-DD (UTC). */
export const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** "HYP-12". */
export const hypothesisLabel = (number: number) => `HYP-${number}`;

/** "We believe … will result in …. We will know when … moves by … by 2027-01-15." */
export function hypothesisSentence(h: HypothesisParts): string {
  const outcome = h.outcome.replace(/[.\s]+$/, "");
  return `We believe ${h.capability} will result in ${outcome}. We will know when ${h.metric} moves by ${h.amount} by ${dayOf(h.measureBy)}.`;
}

/** A `hypothesis` reference from a pipeline: HYP-12 names the number, anything else is an id. */
export function parseHypothesisRef(ref: string): { number: number } | { id: string } {
  const match = HYPOTHESIS_NUMBER.exec(ref.trim());
  return match ? { number: Number(match[1]) } : { id: ref.trim() };
}

/** Midnight UTC of the day (the form sends YYYY-MM-DD). */
export const measureByInstant = (day: string) => new Date(`${day}T00:00:00.000Z`);

/**
 * Why a result may not be recorded yet, or null when it may: from the hypothesis's date on (its
 * midnight UTC), not before, and only once.
 */
export function decisionRefusal(h: { measureBy: Date; result: string | null }, now: Date): string | null {
  if (h.result) return "The result is already recorded.";
  if (now.getTime() < h.measureBy.getTime()) {
    const days = Math.ceil((h.measureBy.getTime() - now.getTime()) / DAY);
    return `The result can be recorded from ${dayOf(h.measureBy)} on, when the metric was to have moved (${days} day${days === 1 ? "" : "s"} from now).`;
  }
  return null;
}

/** Why the date cannot be set: in the past when written. */
export function measureByRefusal(measureBy: Date, now: Date): string | null {
  return measureBy.getTime() <= now.getTime() - DAY ? "Give a date from today on: the metric's move is still to come." : null;
}

export type HypothesisStatus = "OPEN" | "DUE" | "VALIDATED" | "INVALIDATED" | "INCONCLUSIVE";

export const STATUS_LABEL: Record<HypothesisStatus, string> = {
  OPEN: "Open",
  DUE: "Result due",
  VALIDATED: "Validated",
  INVALIDATED: "Invalidated",
  INCONCLUSIVE: "Inconclusive",
};

export function hypothesisStatus(h: { measureBy: Date; result: HypothesisStatus | null }, now: Date): HypothesisStatus {
  if (h.result) return h.result;
  return now.getTime() >= h.measureBy.getTime() ? "DUE" : "OPEN";
}

export type BudgetCost = {
  /** Minutes of unavailability of the incidents the release caused (overlaps counted once). */
  minutes: number;
  /** The 28-day budget at the target in force when it shipped, in minutes. */
  budgetMinutes: number;
  /** minutes / budgetMinutes; null without a budget. */
  share: number | null;
};

/**
 * What a release cost: the unavailability of the incidents whose confirmed cause it is (an open
 * window counts to now), against the 28-day budget of the target it shipped under.
 */
export function releaseBudgetCost(windows: readonly ImpactWindow[], target: AvailabilityTarget, now: Date): BudgetCost {
  const at = now.getTime();
  const merged = mergeWindows(windows, at);
  const down = merged.reduce((sum, interval) => sum + (interval.to - interval.from), 0);
  const budget = budgetMs([{ target, effectiveFrom: new Date(0) }], { from: 0, to: BUDGET_DAYS * DAY });
  const minutes = Math.round((down / MINUTE) * 10) / 10;
  const budgetMinutes = Math.round((budget / MINUTE) * 10) / 10;
  return { minutes, budgetMinutes, share: budget > 0 ? down / budget : null };
}

/** "12.5 min (31% of the 28-day budget)". */
export function budgetCostWords(cost: BudgetCost): string {
  if (cost.minutes === 0) return "no budget";
  const share = cost.share === null ? "" : ` (${Math.round(cost.share * 1000) / 10}% of the ${BUDGET_DAYS}-day budget)`;
  return `${cost.minutes} min${share}`;
}
