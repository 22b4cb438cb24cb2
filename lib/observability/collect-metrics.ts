// One scrape of this process: the gauges that are read rather than counted, then the registry.
import type { Registry } from "prom-client";
import { db, poolStats } from "../db";
import { refreshQueueGauges } from "../jobs/queue-gauges";
import { refreshDatabaseGauges } from "./database-gauges";
import { logger } from "./logger";
import { metrics } from "./metrics";

export async function collectMetrics(): Promise<Registry> {
  const m = metrics();
  const stats = poolStats();
  if (stats) {
    m.pool.set({ state: "max" }, stats.max);
    m.pool.set({ state: "total" }, stats.total);
    m.pool.set({ state: "idle" }, stats.idle);
    m.poolWaiting.set(stats.waiting);
  }
  await refreshDatabaseGauges(db(), m);
  await refreshQueueGauges(db(), m).catch((error: unknown) => logger().warn({ err: error }, "metrics: the queue gauges could not be read"));
  return m.registry;
}
