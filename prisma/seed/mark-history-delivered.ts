// The demo's history happened before anyone subscribed: its domain events (a quarter of incidents made
// through the use cases) must not page, mail or post to webhooks today. Every subscriber's cursor starts
// after them, as it would for an organisation that connected Runwell after those events.
import type { Db } from "../../lib/db";
import { SUBSCRIBERS } from "../../lib/events/registry";

export async function markHistoryDelivered(prisma: Db): Promise<void> {
  const names = SUBSCRIBERS.map((subscriber) => subscriber.name);
  await prisma.$executeRaw`
    INSERT INTO "EventCursor" (subscriber, "lastSeq", "updatedAt")
    SELECT name, (SELECT coalesce(max(seq), 0) FROM "DomainEvent"), now() FROM unnest(${names}::text[]) AS s(name)
    ON CONFLICT (subscriber) DO UPDATE SET "lastSeq" = GREATEST("EventCursor"."lastSeq", EXCLUDED."lastSeq"), "updatedAt" = now()`;
}
