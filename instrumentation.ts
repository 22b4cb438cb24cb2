// Next.js calls register() once per server process, before it serves. It installs the observability
// (request ids, JSON logs, metrics: lib/observability) and starts the job runner (lib/jobs/runner.ts):
// domain events to their subscribers, email and webhook deliveries, and the scheduled jobs (audit seal
// backlog, required-checks sweep, DORA snapshot, shift reminders), unless RUNWELL_JOBS=off.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installHttpObserver } = await import("./lib/observability/http-observer");
  const { installClusterMetricsResponder } = await import("./lib/observability/cluster-metrics");
  const { metrics } = await import("./lib/observability/metrics");
  installHttpObserver();
  installClusterMetricsResponder();
  metrics();
  if (process.env.NODE_ENV === "production") {
    const { bridgeConsoleToLogger } = await import("./lib/observability/console-to-logger");
    bridgeConsoleToLogger();
  }
  if (!process.env.DATABASE_URL) return;

  const { env } = await import("./lib/env");
  if (env().RUNWELL_JOBS === "off") return;
  const { db } = await import("./lib/db");
  const { startJobRunner } = await import("./lib/jobs/runner");
  const { logger } = await import("./lib/observability/logger");
  // Every server process works the queue; pg-boss gives each job to one of them and runs each cron
  // schedule once per period across every process and instance (lib/jobs/).
  startJobRunner(db()).catch((error: unknown) => logger().error({ err: error }, "the job runner did not start; background work waits for another process"));
}
