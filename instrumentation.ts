// Next.js calls register() once per server process, before it serves. It installs the observability
// (request ids, JSON logs, metrics: lib/observability) and starts the background work:
// - the audit sealer normally runs right after each commit; a timer seals anything a crashed or busy
//   request left behind;
// - a second timer sweeps required post-deployment health checks past their deadline;
// - the organisation's DORA snapshot is computed once shortly after start, so the first reader does
//   not wait for it.
// Each job counts its runs, failures and last success (runwell_background_* in /api/metrics).
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

  const { db } = await import("./lib/db");
  const { declareBackgroundJob, everyInterval, runBackgroundJob } = await import("./lib/observability/background-jobs");
  const { requestSeal } = await import("./lib/audit/seal-audit-events");
  // requestSeal logs and swallows a failed pass (the next one retries): a sealer that keeps failing
  // shows as a growing runwell_audit_oldest_unsealed_event_age_seconds, not as failures here.
  everyInterval("audit-seal", 2000, () => requestSeal(db()));
  // Required post-deployment health checks whose deadline passed: mark them missing, fail the change.
  const { sweepRequiredChecks } = await import("./lib/changes/deployment-control");
  const sweeper: { label: string; kind: "SYSTEM" } = { kind: "SYSTEM", label: "system:required-checks-sweep" };
  everyInterval("required-checks-sweep", 30_000, () => sweepRequiredChecks(db(), sweeper).then(() => requestSeal(db())));
  const { metricsForPage } = await import("./lib/deployments/metrics-snapshot");
  const { DEFAULT_PERIOD_DAYS } = await import("./lib/deployments/schemas");
  declareBackgroundJob("dora-snapshot-warm-up");
  const warm = setTimeout(() => {
    void runBackgroundJob("dora-snapshot-warm-up", () => metricsForPage(db(), { kind: "organisation" }, DEFAULT_PERIOD_DAYS));
  }, 3_000);
  warm.unref();
}

