// The audit chain's hash: SHA-256 over the RFC 8785 canonical JSON of an event and its predecessor's hash.
// Pure, so the sealer and the verifier cannot disagree about what is hashed.
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

export type HashableEvent = {
  id: string;
  seq: bigint;
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

/** The chain starts from a fixed genesis value, so the first event is verified like any other. */
export const GENESIS_HASH = "0".repeat(64);

export function hashEvent(event: HashableEvent, prevHash: string): string {
  const content = canonicalize({
    id: event.id,
    seq: event.seq.toString(),
    occurredAt: event.occurredAt.toISOString(),
    actorId: event.actorId,
    actorLabel: event.actorLabel,
    actorKind: event.actorKind,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before ?? null,
    after: event.after ?? null,
    prevHash,
  });
  return createHash("sha256").update(content ?? "").digest("hex");
}

export type ChainLink = HashableEvent & { prevHash: string | null; hash: string | null };

export type ChainCheck = { ok: true; lastHash: string; lastSeq: bigint } | { ok: false; firstBrokenEventId: string };

/**
 * Checks a run of sealed events in seq order, continuing from the previous run's last hash and seq.
 * Broken means: a gap in seq, a prevHash that is not the previous hash, or a hash that does not match the content.
 */
export function checkChain(links: ChainLink[], previous: { hash: string; seq: bigint }): ChainCheck {
  let lastHash = previous.hash;
  let lastSeq = previous.seq;
  for (const link of links) {
    const expectedHash = hashEvent(link, lastHash);
    if (link.seq !== lastSeq + 1n || link.prevHash !== lastHash || link.hash !== expectedHash) {
      return { ok: false, firstBrokenEventId: link.id };
    }
    lastHash = link.hash;
    lastSeq = link.seq;
  }
  return { ok: true, lastHash, lastSeq };
}
