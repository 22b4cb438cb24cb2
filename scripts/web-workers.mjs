// RUNWELL_WEB_WORKERS=N: `npm start` (scripts/serve.ts) runs `next start` in N processes that share
// one port (node:cluster hands each new connection to the next worker in turn). This file is both
// the primary's side (startWebWorkers, called by serve.ts) and what each worker runs.
//
// A Next.js server handles requests on one thread, so one process uses one core however many the
// machine has; pipelines reporting deployments and asking the gate at hundreds a second keep that
// thread busy. Every worker is a complete `next start`: the per-process caches (API tokens, on-call,
// DORA snapshots) are each kept per worker and are correct across workers (docs/DEPLOY.md), and the
// audit sealer already takes an advisory lock. Workers are kept running by the same supervisor as a
// single `next start` (scripts/supervise.mjs): a dead worker is replaced after a backoff, a crash loop
// stops the portal, and SIGTERM lets each worker finish the requests it is serving.
//
// Metrics: each worker counts its own requests; the primary answers a worker's /api/metrics with the
// sum over all workers (lib/observability/cluster-metrics.ts asks; relayClusterMetrics answers).
import cluster from "node:cluster";
import { fileURLToPath } from "node:url";
import { fromClusterWorker, supervise } from "./supervise.mjs";

// The message types are shared with lib/observability/cluster-metrics.ts.
const METRICS_REQUEST = "runwell:metrics-request"; // worker -> primary: the cluster's metrics, please
const METRICS_RESPONSE = "runwell:metrics-response"; // primary -> worker: the exposition text
const SNAPSHOT_REQUEST = "runwell:metrics-snapshot-request"; // primary -> every worker
const SNAPSHOT_RESPONSE = "runwell:metrics-snapshot"; // worker -> primary: its registry as JSON
const SNAPSHOT_TIMEOUT_MS = 2_000;

if (cluster.isWorker) {
  // The worker is `next start` itself: its bin reads the command line.
  const nextBin = process.env.RUNWELL_NEXT_BIN;
  process.argv = [process.argv[0], nextBin, ...process.argv.slice(2)];
  await import(nextBin);
}

/**
 * Forks `workers` workers running `node <nextBin> <nextArguments>` with `env`, supervised.
 * Returns the supervisor (scripts/supervise.d.mts).
 */
export function startWebWorkers({ workers, nextBin, nextArguments, env, log }) {
  // execArgv: [] so a primary running under tsx does not load tsx into every worker.
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url), args: nextArguments, execArgv: [] });
  const supervisor = supervise({
    name: "web worker",
    slots: workers,
    start: () => fromClusterWorker(cluster.fork({ ...env, RUNWELL_NEXT_BIN: nextBin, RUNWELL_WEB_WORKERS: String(workers) })),
    log,
  });
  relayClusterMetrics(log);
  return supervisor;
}

/** Answers a worker's request for the cluster's metrics with every worker's registry, aggregated. */
function relayClusterMetrics(log) {
  const pending = new Map(); // snapshot id -> { waiting: Set<worker id>, snapshots: [], finish }
  let nextId = 0;

  const collect = () =>
    new Promise((resolve) => {
      const id = nextId++;
      const workers = Object.values(cluster.workers ?? {}).filter((worker) => worker?.isConnected());
      const entry = { waiting: new Set(workers.map((worker) => worker.id)), snapshots: [], expected: workers.length };
      const finish = () => {
        clearTimeout(entry.timer);
        pending.delete(id);
        resolve(entry);
      };
      entry.finish = finish;
      entry.timer = setTimeout(finish, SNAPSHOT_TIMEOUT_MS);
      pending.set(id, entry);
      for (const worker of workers) worker.send({ type: SNAPSHOT_REQUEST, id });
      if (workers.length === 0) finish();
    });

  const exposition = async () => {
    // prom-client is loaded only when someone scrapes.
    const { AggregatorRegistry, Gauge } = await import("prom-client");
    const { snapshots, expected } = await collect();
    const registry = AggregatorRegistry.aggregate(snapshots);
    const reporting = new Gauge({ name: "runwell_web_workers", help: "Web workers, by whether they answered this scrape", labelNames: ["state"], registers: [registry] });
    reporting.set({ state: "reporting" }, snapshots.length);
    reporting.set({ state: "silent" }, expected - snapshots.length);
    return registry.metrics();
  };

  cluster.on("message", (worker, message) => {
    if (message?.type === SNAPSHOT_RESPONSE) {
      const entry = pending.get(message.id);
      if (!entry || !entry.waiting.delete(worker.id)) return;
      entry.snapshots.push(message.metrics);
      if (entry.waiting.size === 0) entry.finish();
    } else if (message?.type === METRICS_REQUEST) {
      exposition().then(
        (text) => worker.isConnected() && worker.send({ type: METRICS_RESPONSE, id: message.id, text }),
        (error) => {
          log.error(`aggregating the web workers' metrics failed: ${error?.stack ?? error}`);
          if (worker.isConnected()) worker.send({ type: METRICS_RESPONSE, id: message.id, error: String(error) });
        },
      );
    }
  });
}
