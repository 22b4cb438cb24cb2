// /api/metrics under RUNWELL_WEB_WORKERS: a scrape reaches one worker (cluster hands connections out
// in turn), so that worker asks the cluster's primary, which asks every worker for its registry and
// sums them (scripts/web-workers.mjs, prom-client's AggregatorRegistry.aggregate). A single
// `next start` answers from its own registry. The message types are shared with web-workers.mjs.
import cluster from "node:cluster";
import { randomUUID } from "node:crypto";
import { Registry } from "prom-client";
import { collectMetrics } from "./collect-metrics";
import { logger } from "./logger";

const METRICS_REQUEST = "runwell:metrics-request";
const METRICS_RESPONSE = "runwell:metrics-response";
const SNAPSHOT_REQUEST = "runwell:metrics-snapshot-request";
const SNAPSHOT_RESPONSE = "runwell:metrics-snapshot";
const CLUSTER_SCRAPE_TIMEOUT_MS = 5_000;

type Message = { type?: string; id?: string | number; text?: string; error?: string };

const INSTALLED = Symbol.for("runwell.clusterMetricsResponder");
const holder = globalThis as unknown as { [INSTALLED]?: boolean };

/** In a cluster worker, answers the primary's request for this worker's registry. Once per process. */
export function installClusterMetricsResponder(): void {
  if (!cluster.isWorker || holder[INSTALLED]) return;
  holder[INSTALLED] = true;
  process.on("message", (message: Message) => {
    if (message?.type !== SNAPSHOT_REQUEST) return;
    collectMetrics()
      .then((registry) => registry.getMetricsAsJSON())
      .then((snapshot) => process.send?.({ type: SNAPSHOT_RESPONSE, id: message.id, metrics: snapshot }))
      .catch((error: unknown) => logger().error({ err: error }, "metrics: this worker's snapshot failed"));
  });
}

function askPrimary(): Promise<string> {
  return new Promise((resolve, reject) => {
    const id = randomUUID();
    const onMessage = (message: Message) => {
      if (message?.type !== METRICS_RESPONSE || message.id !== id) return;
      finish();
      if (message.error || message.text === undefined) reject(new Error(message.error ?? "no metrics from the primary"));
      else resolve(message.text);
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`the cluster's primary did not answer within ${CLUSTER_SCRAPE_TIMEOUT_MS} ms`));
    }, CLUSTER_SCRAPE_TIMEOUT_MS);
    const finish = () => {
      clearTimeout(timer);
      process.off("message", onMessage);
    };
    process.on("message", onMessage);
    process.send?.({ type: METRICS_REQUEST, id });
  });
}

/** The exposition text for a scrape: this process's, or the whole cluster's. */
export async function metricsExposition(): Promise<{ text: string; contentType: string }> {
  const contentType = Registry.PROMETHEUS_CONTENT_TYPE;
  if (cluster.isWorker) return { text: await askPrimary(), contentType };
  const registry = await collectMetrics();
  return { text: await registry.metrics(), contentType: registry.contentType };
}
