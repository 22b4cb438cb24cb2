// A subscriber handles every event of the types it names, in the order they happened, at least once.
// Its handler runs inside the dispatcher's transaction together with the subscriber's cursor, so what
// it writes (a notification, a delivery row, a queued job) is done once per event; anything that
// leaves the portal (an email, an HTTP call) must be a job the handler queues, never done inline.
import type { DbTx } from "../db";
import type { DomainEventRecord, EventType } from "./catalogue";

export type EventHandlerContext = {
  tx: DbTx;
  /** Queues a job in the same transaction (lib/jobs/queue.ts). */
  enqueue: (queue: string, data: object, options?: { singletonKey?: string; startAfter?: Date }) => Promise<void>;
};

export type Subscriber = {
  /** Unique and stable: it names the cursor row. */
  name: string;
  /** The event types it wants; "*" for all. */
  types: readonly EventType[] | "*";
  handle: (event: DomainEventRecord, context: EventHandlerContext) => Promise<void>;
  /**
   * Its handler keeps the portal's own records (a review for a major incident, a backlog item for a
   * review's action), not a notice or a delivery: history imported or seeded before it subscribed is
   * replayed through it instead of skipped (prisma/seed/mark-history-delivered.ts).
   */
  keepsRecords?: true;
};

export function wants(subscriber: Subscriber, type: string): boolean {
  return subscriber.types === "*" || (subscriber.types as readonly string[]).includes(type);
}
