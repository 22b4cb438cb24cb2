// What the engineer's home says about on-call: am I on call right now, and when is my next shift.
// Pure, so the boundaries (a shift ending exactly now, two schedules at once) are tested without a database.
import type { UpcomingShift } from "../oncall/views";

export type OnCallSummary = {
  /** Shifts running at `now`, primary first (one person can be on two schedules at once). */
  current: UpcomingShift[];
  /** The next shifts that have not started yet, soonest first. */
  next: UpcomingShift[];
};

const LAYER_ORDER = { PRIMARY: 0, SECONDARY: 1 } as const;

export function onCallSummary(shifts: readonly UpcomingShift[], now: Date, nextCount = 3): OnCallSummary {
  const at = now.getTime();
  const current = shifts
    .filter((shift) => shift.start.getTime() <= at && at < shift.end.getTime())
    .sort((a, b) => LAYER_ORDER[a.layer] - LAYER_ORDER[b.layer] || a.end.getTime() - b.end.getTime());
  const next = shifts
    .filter((shift) => shift.start.getTime() > at)
    .sort((a, b) => a.start.getTime() - b.start.getTime())
    .slice(0, nextCount);
  return { current, next };
}
