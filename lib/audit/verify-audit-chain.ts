// Re-hashes the audit chain and records the verdict (AuditChainCheck), so the audit page can show the
// chain's state without re-hashing a million events on every view.
import { actorLabel, type Actor } from "../auth/actor";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { checkChain, GENESIS_HASH } from "./hash";
import { hashedColumns, sealAllPending } from "./seal-audit-events";

export type ChainVerification = { ok: boolean; checked: number; firstBrokenEventId: string | null };
export type VerifyMode = "full" | "incremental";

const PAGE = 2000;

/**
 * FULL (the default) recomputes the whole chain from the genesis. INCREMENTAL continues from the newest
 * intact check's last (seq, hash) and hashes only what was sealed since; it proves the new events
 * extend the verified prefix, and a full run is what re-proves the prefix itself. Without an intact
 * earlier check, or after a broken one, an incremental request runs in full. Pending events are
 * sealed first so nothing committed is skipped.
 */
export async function verifyAuditChain(prisma: Db, actor: Actor, mode: VerifyMode = "full"): Promise<ChainVerification> {
  authorize(actor, "audit.verify");
  const startedAt = new Date();
  await sealAllPending(prisma);
  const start = mode === "incremental" ? await incrementalStart(prisma) : null;
  let previous = start ?? { hash: GENESIS_HASH, seq: 0n };
  let checked = 0;
  let result: ChainVerification;
  for (;;) {
    const links = await prisma.auditEvent.findMany({
      where: { seq: { gt: previous.seq } },
      orderBy: { seq: "asc" },
      take: PAGE,
      select: { ...hashedColumns, seq: true, prevHash: true, hash: true },
    });
    const sealed = links.map((link) => ({ ...link, seq: link.seq as bigint }));
    const check = checkChain(sealed, previous);
    if (!check.ok) {
      const brokenIndex = sealed.findIndex((link) => link.id === check.firstBrokenEventId);
      result = { ok: false, checked: checked + brokenIndex + 1, firstBrokenEventId: check.firstBrokenEventId };
      break;
    }
    checked += sealed.length;
    previous = { hash: check.lastHash, seq: check.lastSeq };
    if (sealed.length < PAGE) {
      result = { ok: true, checked, firstBrokenEventId: null };
      break;
    }
  }
  await prisma.auditChainCheck.create({
    data: {
      kind: start ? "INCREMENTAL" : "FULL",
      ok: result.ok,
      throughSeq: previous.seq > 0n ? previous.seq : null,
      throughHash: previous.seq > 0n ? previous.hash : null,
      checked: result.checked,
      firstBrokenEventId: result.firstBrokenEventId,
      actorLabel: actorLabel(actor),
      startedAt,
    },
    select: { id: true },
  });
  return result;
}

/** Where an incremental run continues: the newest check, if it was intact. */
async function incrementalStart(prisma: Db): Promise<{ hash: string; seq: bigint } | null> {
  const last = await prisma.auditChainCheck.findFirst({
    orderBy: { finishedAt: "desc" },
    select: { ok: true, throughSeq: true, throughHash: true },
  });
  if (!last?.ok || last.throughSeq === null || last.throughHash === null) return null;
  return { seq: last.throughSeq, hash: last.throughHash };
}

export type ChainStatus = {
  lastCheck: {
    kind: string;
    ok: boolean;
    finishedAt: Date;
    actorLabel: string;
    checked: number;
    throughSeq: string | null;
    firstBroken: { id: string; seq: string | null; action: string; entityType: string; entityId: string; occurredAt: Date } | null;
  } | null;
  /** Sealed events after the newest intact check's prefix (not yet verified). */
  unverified: number;
  sealedTotal: number;
};

/** For the audit page: the newest recorded verdict and how far the chain has grown since. Two indexed reads. */
export async function chainStatus(prisma: Db, actor: Actor): Promise<ChainStatus> {
  authorize(actor, "audit.read");
  const [last, newest] = await Promise.all([
    prisma.auditChainCheck.findFirst({ orderBy: { finishedAt: "desc" } }),
    prisma.auditEvent.findFirst({ where: { seq: { not: null } }, orderBy: { seq: "desc" }, select: { seq: true } }),
  ]);
  const sealedTotal = Number(newest?.seq ?? 0n);
  const firstBroken = last?.firstBrokenEventId
    ? await prisma.auditEvent.findUnique({
        where: { id: last.firstBrokenEventId },
        select: { id: true, seq: true, action: true, entityType: true, entityId: true, occurredAt: true },
      })
    : null;
  const verifiedThrough = last?.ok ? Number(last.throughSeq ?? 0n) : 0;
  return {
    lastCheck: last
      ? {
          kind: last.kind,
          ok: last.ok,
          finishedAt: last.finishedAt,
          actorLabel: last.actorLabel,
          checked: last.checked,
          throughSeq: last.throughSeq?.toString() ?? null,
          firstBroken: firstBroken ? { ...firstBroken, seq: firstBroken.seq?.toString() ?? null } : null,
        }
      : null,
    unverified: Math.max(0, sealedTotal - verifiedThrough),
    sealedTotal,
  };
}
