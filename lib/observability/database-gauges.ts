// The gauges read from the database at scrape time: the audit seal backlog and the chain's last
// verification. One statement per scrape; every part is an indexed read (the unique index on seq
// also holds the unsealed rows, AuditChainCheck is indexed on finishedAt), and the backlog count
// stops at BACKLOG_COUNT_LIMIT so a scrape stays cheap however far the sealer has fallen behind.
import { z } from "zod";
import type { Db } from "../db";
import { logger } from "./logger";
import type { Metrics } from "./metrics";
import { withTimeout } from "./with-timeout";

const BACKLOG_COUNT_LIMIT = 100_000;
const SCRAPE_QUERY_TIMEOUT_MS = 2_000;

const ZAuditGaugeRow = z.object({
  unsealed: z.coerce.number(),
  oldestUnsealed: z.date().nullable(),
  newestSeq: z.coerce.bigint().nullable(),
  lastOk: z.boolean().nullable(),
  lastFinishedAt: z.date().nullable(),
  lastThroughSeq: z.coerce.bigint().nullable(),
});

async function readAuditGauges(prisma: Db) {
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT
      (SELECT count(*) FROM (SELECT 1 FROM "AuditEvent" WHERE seq IS NULL LIMIT ${BACKLOG_COUNT_LIMIT}) AS u) AS "unsealed",
      (SELECT min("occurredAt") FROM "AuditEvent" WHERE seq IS NULL) AS "oldestUnsealed",
      (SELECT max(seq) FROM "AuditEvent") AS "newestSeq",
      c.ok AS "lastOk", c."finishedAt" AS "lastFinishedAt", c."throughSeq" AS "lastThroughSeq"
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (SELECT ok, "finishedAt", "throughSeq" FROM "AuditChainCheck" ORDER BY "finishedAt" DESC LIMIT 1) AS c ON true`;
  return ZAuditGaugeRow.parse(rows[0]);
}

/** Sets the database-derived gauges; on failure marks the database down and leaves the rest as they were. */
export async function refreshDatabaseGauges(prisma: Db, m: Metrics, now: Date = new Date()): Promise<void> {
  try {
    const row = await withTimeout(readAuditGauges(prisma), SCRAPE_QUERY_TIMEOUT_MS, "the metrics query");
    m.databaseUp.set(1);
    m.auditUnsealed.set(row.unsealed);
    m.auditUnsealedAge.set(row.oldestUnsealed ? Math.max(0, (now.getTime() - row.oldestUnsealed.getTime()) / 1000) : 0);
    m.auditChainOk.set(row.lastOk === null ? -1 : row.lastOk ? 1 : 0);
    m.auditChainCheckedAt.set(row.lastFinishedAt ? row.lastFinishedAt.getTime() / 1000 : 0);
    const verifiedThrough = row.lastOk ? (row.lastThroughSeq ?? 0n) : 0n;
    const newest = row.newestSeq ?? 0n;
    m.auditUnverified.set(Number(newest > verifiedThrough ? newest - verifiedThrough : 0n));
  } catch (error) {
    m.databaseUp.set(0);
    logger().warn({ err: error }, "metrics: the database gauges could not be read");
  }
}
