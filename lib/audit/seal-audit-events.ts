// Seals committed audit events into the hash chain, in the order they become visible.
// Writers never wait for this: they insert unsealed rows; one sealer at a time (an advisory lock)
// appends them to the chain just after commit, and a background timer catches any stragglers.
import type { Db } from "../db";
import { GENESIS_HASH, hashEvent } from "./hash";

const SEAL_LOCK_KEY = 727_001; // arbitrary, unique to the audit sealer
const BATCH_SIZE = 500;

type UnsealedRow = {
  id: string;
  occurredAt: Date;
  actorId: string | null;
  actorLabel: string;
  actorKind: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

/**
 * Seals up to one batch. `wait: false` gives up at once when another sealer holds the lock
 * (that sealer or the timer will pick our rows up). Returns how many events were sealed.
 */
async function sealBatch(prisma: Db, wait: boolean): Promise<number> {
  return prisma.$transaction(async (tx) => {
    if (wait) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEAL_LOCK_KEY})`;
    } else {
      const [row] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${SEAL_LOCK_KEY}) AS locked`;
      if (!row?.locked) return 0;
    }
    const pending = await tx.auditEvent.findMany({
      where: { seq: null },
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
      take: BATCH_SIZE,
      select: {
        id: true, occurredAt: true, actorId: true, actorLabel: true, actorKind: true,
        action: true, entityType: true, entityId: true, before: true, after: true,
      },
    });
    if (pending.length === 0) return 0;
    const last = await tx.auditEvent.findFirst({
      where: { seq: { not: null } },
      orderBy: { seq: "desc" },
      select: { seq: true, hash: true },
    });
    let prevHash = last?.hash ?? GENESIS_HASH;
    let seq = last?.seq ?? 0n;
    const ids: string[] = [];
    const seqs: string[] = [];
    const prevHashes: string[] = [];
    const hashes: string[] = [];
    for (const event of pending as UnsealedRow[]) {
      seq += 1n;
      const hash = hashEvent({ ...event, seq }, prevHash);
      ids.push(event.id);
      seqs.push(seq.toString());
      prevHashes.push(prevHash);
      hashes.push(hash);
      prevHash = hash;
    }
    await tx.$executeRaw`
      UPDATE "AuditEvent" AS e
      SET seq = s.seq, "prevHash" = s.prev_hash, hash = s.hash, "sealedAt" = now()
      FROM unnest(${ids}::text[], ${seqs}::bigint[], ${prevHashes}::text[], ${hashes}::text[])
        AS s(id, seq, prev_hash, hash)
      WHERE e.id = s.id`;
    return pending.length;
  });
}

/** Seals every committed event, waiting for any concurrent sealer. Used before verifying. */
export async function sealAllPending(prisma: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await sealBatch(prisma, true);
    total += sealed;
    if (sealed < BATCH_SIZE) return total;
  }
}

let running: Promise<void> | null = null;
let again = false;

/**
 * Asks for the chain to be extended soon, without making the caller wait for the lock.
 * Calls that arrive while a seal runs fold into one more pass.
 */
export function requestSeal(prisma: Db): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        while ((await sealBatch(prisma, false)) === BATCH_SIZE);
      } while (again);
    } catch (error) {
      console.error("audit sealer failed; the background timer will retry", error);
    } finally {
      running = null;
    }
  })();
  return running;
}
