// Hands the events of some entities to real subscribers, as the job runner would. The wrapper has its
// own cursor name and skips other entities, so test files sharing the database don't notify each
// other's people.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../lib/generated/prisma/client.ts";
import { drainSubscriber } from "../lib/events/dispatch";
import type { Subscriber } from "../lib/events/subscribers";

export async function drainEventsOf(db: PrismaClient, subscriber: Subscriber, entityIds: readonly string[]): Promise<void> {
  const only = new Set(entityIds);
  const scoped: Subscriber = { ...subscriber, name: `test:${subscriber.name}:${randomUUID()}`, handle: (event, context) => (only.has(event.entityId) ? subscriber.handle(event, context) : Promise.resolve()) };
  await drainSubscriber(db, scoped, () => async () => undefined);
}
