// Seals committed audit events into the hash chain. Each pass takes the events that have become
// visible (committed) since the last one, ordered by occurredAt within the pass, and appends them.
// Writers never wait for this: they insert unsealed rows; one sealer at a time (an advisory lock)
// appends them to the chain just after commit, and a timer in instrumentation.ts catches stragglers.
import type { Db } from "../db";
import { GENESIS_HASH, hashEvent } from "./hash";

const SEAL_LOCK_KEY = 727_001; // arbitrary, unique to the audit sealer
const BATCH_SIZE = 500;

/** The columns an event's hash covers (see hashEvent), for the sealer and the verifier. */
export const hashedColumns = {
  id: true, occurredAt: true, actorId: true, actorLabel: true, actorKind: true,
  action: true, entityType: true, entityId: true, before: true, after: true,
} as const;

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
      select: hashedColumns,
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
    for (const event of pending) {
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
    // Under load every pooled connection may be busy with writers; wait for one rather than fail the pass.
  }, { maxWait: 10_000, timeout: 30_000 });
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

// Sealing right after every commit would run one small seal transaction per write and, under load,
// take as much CPU as the writes themselves. Requests within SEAL_DELAY_MS fold into one pass.
const SEAL_DELAY_MS = 20;

type Pass = { done: Promise<void>; resolve: () => void };
/** Per client (per database): the pass that requests made now will wait for, and whether a loop runs. */
type SealerState = { next: Pass | null; looping: boolean };
const sealers = new WeakMap<Db, SealerState>();

function newPass(): Pass {
  let resolve!: () => void;
  const done = new Promise<void>((r) => (resolve = r));
  return { done, resolve };
}

async function sealPass(prisma: Db): Promise<void> {
  try {
    while ((await sealBatch(prisma, false)) === BATCH_SIZE);
  } catch (error) {
    console.error("audit sealer failed; the background timer will retry", error);
  }
}

/** One loop per database: while requests keep coming, seal every SEAL_DELAY_MS; then stop. */
async function sealLoop(prisma: Db, state: SealerState): Promise<void> {
  while (state.next) {
    await new Promise((resolve) => setTimeout(resolve, SEAL_DELAY_MS));
    const pass = state.next;
    state.next = null;
    await sealPass(prisma);
    pass.resolve();
  }
  state.looping = false;
}

/**
 * Asks for the chain to be extended just after a commit, without making the caller wait for the
 * lock. Resolves when a pass that started after the request has run (a pass skipped because another
 * process holds the lock counts: that process, or the background timer, seals the events).
 */
export function requestSeal(prisma: Db): Promise<void> {
  let state = sealers.get(prisma);
  if (!state) sealers.set(prisma, (state = { next: null, looping: false }));
  state.next ??= newPass();
  const wanted = state.next;
  if (!state.looping) {
    state.looping = true;
    void sealLoop(prisma, state);
  }
  return wanted.done;
}

// Hot write paths (pipeline ingest) do not wait for the chain: their events are committed (and so
// durable and visible) before the response, and a pass seals them moments later. Requests within
// BACKGROUND_DELAY_MS share one pass, so a burst of writes costs a few seal passes, not one per write.
const BACKGROUND_DELAY_MS = 100;
const backgroundTimers = new WeakMap<Db, ReturnType<typeof setTimeout>>();

/**
 * Schedules a seal pass without waiting for it. If this process dies first, the background timer of
 * the next process seals the events (instrumentation.ts): the chain still gets every committed event.
 */
export function requestSealInBackground(prisma: Db): void {
  if (backgroundTimers.has(prisma)) return;
  const timer = setTimeout(() => {
    backgroundTimers.delete(prisma);
    void requestSeal(prisma);
  }, BACKGROUND_DELAY_MS);
  timer.unref?.();
  backgroundTimers.set(prisma, timer);
}

