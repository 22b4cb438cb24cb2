// Review cadence: a runbook is due for review once its interval has passed since the last review.
const DAY_MS = 24 * 60 * 60 * 1000;

export type ReviewStatus = { stale: boolean; dueAt: Date; daysOverdue: number; daysLeft: number };

export function reviewStatus(lastReviewedAt: Date, reviewIntervalDays: number, now: Date): ReviewStatus {
  const dueAt = new Date(lastReviewedAt.getTime() + reviewIntervalDays * DAY_MS);
  const diff = now.getTime() - dueAt.getTime();
  return {
    stale: diff >= 0,
    dueAt,
    daysOverdue: diff >= 0 ? Math.floor(diff / DAY_MS) : 0,
    daysLeft: diff < 0 ? Math.ceil(-diff / DAY_MS) : 0,
  };
}

/** The cutoff for SQL: reviewed before now − interval means stale. */
export function staleBefore(now: Date, reviewIntervalDays: number): Date {
  return new Date(now.getTime() - reviewIntervalDays * DAY_MS);
}
