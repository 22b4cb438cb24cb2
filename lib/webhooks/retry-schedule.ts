// When a failed webhook delivery is tried again. The first retry comes within 10 s (most failures are
// a receiver restarting), then the gaps grow to 4 hours; a delivery still failing 24 hours after its
// round started is given up (visible in the delivery log; "send again" starts a new round).
// No jitter: a receiver that was down gets its backlog back in the order it was sent, and the
// schedule in docs/WEBHOOKS.md is exact.

/** Seconds to wait after the 1st, 2nd, … failed attempt of a round; the last gap repeats. */
export const RETRY_DELAYS_SECONDS = [5, 30, 120, 600, 1_800, 3_600, 7_200, 14_400] as const;

/** A round ends once its next attempt would fall later than this after the round started. */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * When to try again after the round's `failedAttempts`-th failure at `now`, or null to give up.
 * `failedAttempts` counts the failure just recorded (1 after the first attempt failed).
 */
export function nextAttemptAt(roundStartedAt: Date, failedAttempts: number, now: Date): Date | null {
  if (failedAttempts < 1) return now;
  const delay = RETRY_DELAYS_SECONDS[Math.min(failedAttempts, RETRY_DELAYS_SECONDS.length) - 1]!;
  const next = new Date(now.getTime() + delay * 1000);
  return next.getTime() - roundStartedAt.getTime() <= GIVE_UP_AFTER_MS ? next : null;
}

/** The whole schedule of a round whose every attempt fails at once: seconds after the round started. */
export function attemptOffsetsSeconds(): number[] {
  const start = new Date(0);
  const offsets = [0];
  let now = start;
  for (let failed = 1; ; failed += 1) {
    const next = nextAttemptAt(start, failed, now);
    if (!next) return offsets;
    offsets.push(next.getTime() / 1000);
    now = next;
  }
}
