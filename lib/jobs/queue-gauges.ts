// Queue depth and event lag for /api/metrics, read at scrape time from the database, so every
// process reports the same numbers (the cluster primary takes their maximum).
import type { Db } from "../db";
import { subscriberLag } from "../events/dispatch";
import { SUBSCRIBERS } from "../events/registry";
import type { Metrics } from "../observability/metrics";
import { QUEUE_NAMES } from "./definitions";
import { QUEUE_SCHEMA } from "./queue";

const STATES = ["created", "retry", "active", "failed"] as const;

export async function refreshQueueGauges(db: Db, m: Metrics): Promise<void> {
  const schemaReady = await db.$queryRaw<{ ready: boolean }[]>`SELECT to_regclass(${`${QUEUE_SCHEMA}.job`}) IS NOT NULL AS ready`;
  if (schemaReady[0]?.ready) {
    const rows = await db.$queryRawUnsafe<{ name: string; state: string; count: bigint }[]>(
      `SELECT name, state::text AS state, count(*) AS count FROM ${QUEUE_SCHEMA}.job WHERE state IN ('created', 'retry', 'active', 'failed') GROUP BY name, state`,
    );
    for (const queue of QUEUE_NAMES) for (const state of STATES) m.queueDepth.set({ queue, state }, 0);
    for (const row of rows) m.queueDepth.set({ queue: row.name, state: row.state }, Number(row.count));
  }
  for (const lag of await subscriberLag(db, SUBSCRIBERS)) m.eventsBehind.set({ subscriber: lag.subscriber }, lag.behind);
}
