// Moves a subscriber's cursor through the outbox. One batch is one transaction: lock the cursor row
// (so two processes never handle the same subscriber at once), read the events after it up to the
// stable horizon, hand each to the subscriber, advance the cursor. A handler that throws rolls the
// whole batch back and the drain job fails, so pg-boss retries it with backoff and, once out of
// retries, keeps it as a failed job an admin can retry (/admin/jobs). Later events wait rather than
// overtake: order per entity is kept by keeping the total order of the stream.
import { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "../db";
import type { DomainEventRecord } from "./catalogue";
import { EVENT_STREAM_LOCK } from "./emit";
import { wants, type EventHandlerContext, type Subscriber } from "./subscribers";

const BATCH = 200;

/**
 * The highest sequence below which no event can still appear: taking the stream lock exclusively waits
 * for every transaction that holds an event (they hold it shared until they end), see emit.ts.
 */
async function stableHorizon(db: Db): Promise<bigint> {
  const [row] = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${Prisma.raw(EVENT_STREAM_LOCK.toString())})`;
    return tx.$queryRaw<{ max: bigint | null }[]>`SELECT max(seq) AS max FROM "DomainEvent"`;
    // Waits for a pooled connection (and for in-flight emitters to commit) instead of failing after
    // Prisma's 2 s default and sitting out a retry delay that every notice would wait out too.
  }, { maxWait: 15_000, timeout: 30_000 });
  return row?.max ?? 0n;
}

export type Enqueue = (db: Prisma.TransactionClient) => EventHandlerContext["enqueue"];

/** Handles every event up to the current horizon; returns how many events it handed to the subscriber. */
export async function drainSubscriber(db: Db, subscriber: Subscriber, enqueueIn: Enqueue): Promise<number> {
  const horizon = await stableHorizon(db);
  let handled = 0;
  for (;;) {
    const done = await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`INSERT INTO "EventCursor" (subscriber, "lastSeq", "updatedAt") VALUES (${subscriber.name}, 0, now()) ON CONFLICT DO NOTHING`;
        const [cursor] = await tx.$queryRaw<{ lastSeq: bigint }[]>`SELECT "lastSeq" FROM "EventCursor" WHERE subscriber = ${subscriber.name} FOR UPDATE`;
        const after = cursor?.lastSeq ?? 0n;
        if (after >= horizon) return true;
        const events = await tx.$queryRaw<DomainEventRecord[]>`
          SELECT seq, id, type, "entityType", "entityId", "serviceId", "teamId", payload, "occurredAt"
            FROM "DomainEvent" WHERE seq > ${after} AND seq <= ${horizon} ORDER BY seq LIMIT ${BATCH}`;
        const context: EventHandlerContext = { tx, enqueue: enqueueIn(tx as Prisma.TransactionClient) };
        for (const event of events) {
          if (!wants(subscriber, event.type)) continue;
          await subscriber.handle(event, context);
          handled += 1;
        }
        const last = events.at(-1)?.seq ?? horizon;
        await tx.$executeRaw`UPDATE "EventCursor" SET "lastSeq" = ${last}, "updatedAt" = now() WHERE subscriber = ${subscriber.name}`;
        return last >= horizon;
      },
      // maxWait: a busy pool (request traffic, delivery workers) makes a drain wait for a connection
      // rather than fail and sit out its retry delay, which notices would wait out too.
      { timeout: 60_000, maxWait: 15_000 },
    );
    if (done) return handled;
  }
}

/** Events not yet handled by each subscriber, for /api/metrics and the jobs page. */
export async function subscriberLag(db: Db, subscribers: readonly Subscriber[]): Promise<{ subscriber: string; behind: number }[]> {
  const rows = await db.$queryRaw<{ subscriber: string; behind: bigint }[]>`
    SELECT s.name AS subscriber, (SELECT count(*) FROM "DomainEvent" e WHERE e.seq > COALESCE(c."lastSeq", 0)) AS behind
      FROM unnest(${subscribers.map((s) => s.name)}::text[]) AS s(name) LEFT JOIN "EventCursor" c ON c.subscriber = s.name`;
  return rows.map((row) => ({ subscriber: row.subscriber, behind: Number(row.behind) }));
}
