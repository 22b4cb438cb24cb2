// The demo's history happened before anyone subscribed: its domain events (a quarter of incidents made
// through the use cases) must not page, mail or post to webhooks today. Every notifying subscriber's
// cursor starts after them, as it would for an organisation that connected Runwell after those events.
// Subscribers that keep records (a review scheduled for a major incident, a backlog item for a review's
// action) handle the history first: those records are part of what happened.
import type { Db } from "../../lib/db";
import { drainSubscriber } from "../../lib/events/dispatch";
import { SUBSCRIBERS } from "../../lib/events/registry";
import { enqueueIn } from "../../lib/jobs/enqueue";

export async function markHistoryDelivered(prisma: Db): Promise<void> {
  for (const subscriber of SUBSCRIBERS.filter((s) => s.keepsRecords)) await drainSubscriber(prisma, subscriber, enqueueIn);
  await markDeliveredFor(prisma, ...SUBSCRIBERS.filter((s) => !s.keepsRecords).map((subscriber) => subscriber.name));
}

/** Moves the named subscribers' cursors past every event so far. */
export async function markDeliveredFor(prisma: Db, ...names: string[]): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO "EventCursor" (subscriber, "lastSeq", "updatedAt")
    SELECT name, (SELECT coalesce(max(seq), 0) FROM "DomainEvent"), now() FROM unnest(${names}::text[]) AS s(name)
    ON CONFLICT (subscriber) DO UPDATE SET "lastSeq" = GREATEST("EventCursor"."lastSeq", EXCLUDED."lastSeq"), "updatedAt" = now()`;
}
