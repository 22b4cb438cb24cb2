// What a person may plan: leave, a freeze window, a change's planned window. Pure, with the clock passed
// in. A date a little in the past is allowed (a day's grace: leave recorded the morning after, a freeze
// declared an hour into an incident); anything older is a typo for a past year, and anything more than
// two years ahead is a typo for a far year (9999). Both used to be "recorded" and then never listed.
import type { FieldErrors } from "../errors";

const DAY_MS = 86_400_000;
/** How far in the past a start may lie. */
export const PLANNING_GRACE_MS = DAY_MS;
/** How far ahead anything may be planned (two years). */
export const PLANNING_HORIZON_MS = 730 * DAY_MS;

const day = (date: Date) => date.toISOString().slice(0, 10);

export type PlanningLimits = { graceMs?: number; horizonMs?: number };

/**
 * Field errors for a window [start, end) planned at `now`, keyed by the given field names; empty when
 * it is fine. Either end may be missing (an unplanned change): only what is given is checked.
 */
export function planningWindowErrors(
  window: { start: Date | null | undefined; end: Date | null | undefined },
  now: Date,
  fields: { start: string; end: string },
  limits: PlanningLimits = {},
): FieldErrors {
  const earliest = new Date(now.getTime() - (limits.graceMs ?? PLANNING_GRACE_MS));
  const latest = new Date(now.getTime() + (limits.horizonMs ?? PLANNING_HORIZON_MS));
  const errors: FieldErrors = {};
  const check = (date: Date | null | undefined, field: string, past: boolean) => {
    if (!date) return;
    if (past && date < earliest) errors[field] = [`That is in the past: give a date from ${day(earliest)} on.`];
    else if (date > latest) errors[field] = [`That is more than two years ahead: give a date up to ${day(latest)}.`];
  };
  check(window.start, fields.start, true);
  // An end after a start is as far in the past as the start, and one message says it; alone, it is checked.
  check(window.end, fields.end, !window.start);
  return errors;
}
