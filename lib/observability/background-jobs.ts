// The timers in instrumentation.ts run through here, so each job's runs, failures and last success
// are in /api/metrics and a failure is logged once with the job's name.
import { logger } from "./logger";
import { metrics } from "./metrics";

/** Makes a job's counters appear at 0 before its first run, so rate() and alerts see them from the start. */
export function declareBackgroundJob(job: string): void {
  const m = metrics();
  m.backgroundRuns.inc({ job }, 0);
  m.backgroundFailures.inc({ job }, 0);
}

/** Runs one pass of a background job; never rejects. Returns whether it succeeded. */
export async function runBackgroundJob(job: string, pass: () => Promise<unknown>, now: () => Date = () => new Date()): Promise<boolean> {
  const m = metrics();
  m.backgroundRuns.inc({ job });
  try {
    await pass();
    m.backgroundLastSuccess.set({ job }, now().getTime() / 1000);
    return true;
  } catch (error) {
    m.backgroundFailures.inc({ job });
    logger().error({ err: error, job }, `background job ${job} failed`);
    return false;
  }
}

/**
 * Runs `pass` every `intervalMs`, skipping a tick while the previous pass still runs (a slow database
 * must not pile up passes). The timer does not keep the process alive.
 */
export function everyInterval(job: string, intervalMs: number, pass: () => Promise<unknown>): ReturnType<typeof setInterval> {
  declareBackgroundJob(job);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void runBackgroundJob(job, pass).finally(() => {
      running = false;
    });
  }, intervalMs);
  timer.unref();
  return timer;
}
