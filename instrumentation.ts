// Next.js calls register() once per server process. The audit sealer normally runs right after each
// commit; this timer seals anything a crashed or busy request left behind. A second timer sweeps
// required post-deployment health checks past their deadline. The organisation's DORA snapshot is
// computed once shortly after start, so the first reader does not wait for it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { db } = await import("./lib/db");
  const { requestSeal } = await import("./lib/audit/seal-audit-events");
  const timer = setInterval(() => void requestSeal(db()), 2000);
  timer.unref();
  // Required post-deployment health checks whose deadline passed: mark them missing, fail the change.
  const { sweepRequiredChecks } = await import("./lib/changes/deployment-control");
  const sweeper: { label: string; kind: "SYSTEM" } = { kind: "SYSTEM", label: "system:required-checks-sweep" };
  let sweeping = false;
  const sweep = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    sweepRequiredChecks(db(), sweeper)
      .then(() => requestSeal(db()))
      .catch((error: unknown) => console.error("[changes] required-checks sweep failed", error))
      .finally(() => {
        sweeping = false;
      });
  }, 30_000);
  sweep.unref();
  const { metricsForPage } = await import("./lib/deployments/metrics-snapshot");
  const { DEFAULT_PERIOD_DAYS } = await import("./lib/deployments/schemas");
  const warm = setTimeout(() => {
    metricsForPage(db(), { kind: "organisation" }, DEFAULT_PERIOD_DAYS).catch((error: unknown) => console.error("[deployments] DORA snapshot failed", error));
  }, 3_000);
  warm.unref();
}
