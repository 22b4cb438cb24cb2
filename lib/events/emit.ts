// Emitting an event: one INSERT into the outbox in the caller's transaction, so the event commits or
// rolls back with the change it describes.
//
// The statement first takes the event stream's advisory lock in SHARED mode (held until commit). The
// dispatcher takes it in EXCLUSIVE mode for an instant before it reads (dispatch.ts, `stableHorizon`):
// that waits for every transaction still holding an event, so everything at or below the highest
// sequence it then sees is final. Without it, a transaction that took sequence 10 and commits after the
// one that took 11 would be skipped. Emitters do not wait for each other (shared locks are compatible).
// The same statement NOTIFYs runwell_domain_events, which PostgreSQL delivers at commit (folding a
// transaction's identical notifications into one): the job runners LISTEN and wake the drains.
import { Prisma } from "../generated/prisma/client.ts";
import type { DbTx } from "../db";
import { EVENT_SCHEMAS, type EventPayload, type EventType } from "./catalogue";

/** pg_advisory lock key of the event stream (any constant; "rwevents" in ASCII). */
export const EVENT_STREAM_LOCK = 0x72776576656e7473n;

export type EventSubject = {
  entityType: string;
  entityId: string;
  serviceId?: string | null;
  teamId?: string | null;
};

export async function emitEvent<T extends EventType>(tx: DbTx, type: T, subject: EventSubject, payload: EventPayload<T>): Promise<void> {
  const parsed = EVENT_SCHEMAS[type].parse(payload);
  await tx.$executeRaw`
    INSERT INTO "DomainEvent" (id, type, "entityType", "entityId", "serviceId", "teamId", payload, "occurredAt")
    SELECT gen_random_uuid()::text, ${type}, ${subject.entityType}, ${subject.entityId}, ${subject.serviceId ?? null}, ${subject.teamId ?? null},
           ${JSON.stringify(parsed)}::jsonb, now() AT TIME ZONE 'UTC'
      FROM (SELECT pg_advisory_xact_lock_shared(${Prisma.raw(EVENT_STREAM_LOCK.toString())}), pg_notify('runwell_domain_events', '')) AS stream_lock`;
}
