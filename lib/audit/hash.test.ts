import { describe, expect, it } from "vitest";
import { checkChain, GENESIS_HASH, hashEvent, type ChainLink, type HashableEvent } from "./hash";

function event(seq: number, overrides: Partial<HashableEvent> = {}): HashableEvent {
  return {
    id: `event-${seq}`,
    seq: BigInt(seq),
    occurredAt: new Date(Date.UTC(2026, 10, 26, 9, 0, seq)),
    actorId: "person-1",
    actorLabel: "Erin Engineer <engineer@runwell.local>",
    actorKind: "PERSON",
    action: "service.edit",
    entityType: "Service",
    entityId: "service-1",
    before: { name: "Checkout", tier: "TIER_2" },
    after: { name: "Checkout", tier: "TIER_1" },
    ...overrides,
  };
}

/** A correctly sealed chain of `length` events starting after `previous`. */
function chain(length: number, previous = { hash: GENESIS_HASH, seq: 0n }): ChainLink[] {
  const links: ChainLink[] = [];
  let prevHash = previous.hash;
  for (let i = 1; i <= length; i++) {
    const content = event(Number(previous.seq) + i);
    const hash = hashEvent(content, prevHash);
    links.push({ ...content, prevHash, hash });
    prevHash = hash;
  }
  return links;
}

/** Re-hashes a link after an edit, as a forger who knows the algorithm would. */
function rehash(link: ChainLink): ChainLink {
  return { ...link, hash: hashEvent(link, link.prevHash ?? GENESIS_HASH) };
}

describe("hashEvent", () => {
  it("is a SHA-256 hex digest and deterministic", () => {
    const hash = hashEvent(event(1), GENESIS_HASH);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEvent(event(1), GENESIS_HASH)).toBe(hash);
  });

  it("does not depend on the key order of before and after", () => {
    const a = event(1, { before: { a: 1, nested: { x: [1, 2], y: null } }, after: { b: "two", a: 1 } });
    const b = event(1, { before: { nested: { y: null, x: [1, 2] }, a: 1 }, after: { a: 1, b: "two" } });
    expect(hashEvent(a, GENESIS_HASH)).toBe(hashEvent(b, GENESIS_HASH));
  });

  it("treats missing before/after like null", () => {
    expect(hashEvent(event(1, { before: undefined }), GENESIS_HASH)).toBe(hashEvent(event(1, { before: null }), GENESIS_HASH));
  });

  it.each<[string, Partial<HashableEvent>]>([
    ["id", { id: "event-other" }],
    ["seq", { seq: 2n }],
    ["occurredAt", { occurredAt: new Date(0) }],
    ["actorId", { actorId: null }],
    ["actorLabel", { actorLabel: "someone else" }],
    ["actorKind", { actorKind: "SYSTEM" }],
    ["action", { action: "service.archive" }],
    ["entityType", { entityType: "Team" }],
    ["entityId", { entityId: "service-2" }],
    ["before", { before: { name: "Checkout", tier: "TIER_3" } }],
    ["after", { after: { name: "Checkout", tier: "TIER_1", extra: true } }],
  ])("changes when %s changes", (_field, change) => {
    expect(hashEvent(event(1, change), GENESIS_HASH)).not.toBe(hashEvent(event(1), GENESIS_HASH));
  });

  it("changes with the previous hash", () => {
    expect(hashEvent(event(1), "f".repeat(64))).not.toBe(hashEvent(event(1), GENESIS_HASH));
  });
});

describe("checkChain", () => {
  it("accepts a correct chain and reports where it ends", () => {
    const links = chain(4);
    expect(checkChain(links, { hash: GENESIS_HASH, seq: 0n })).toEqual({ ok: true, lastHash: links[3]!.hash, lastSeq: 4n });
  });

  it("accepts an empty run, continuing from the previous one", () => {
    expect(checkChain([], { hash: "a".repeat(64), seq: 7n })).toEqual({ ok: true, lastHash: "a".repeat(64), lastSeq: 7n });
  });

  it("continues from a previous run's last hash and seq", () => {
    const first = chain(3);
    const previous = { hash: first[2]!.hash!, seq: 3n };
    const second = chain(2, previous);
    expect(checkChain(second, previous)).toMatchObject({ ok: true, lastSeq: 5n });
    expect(checkChain(second, { hash: GENESIS_HASH, seq: 0n })).toEqual({ ok: false, firstBrokenEventId: "event-4" });
  });

  it("detects changed content", () => {
    const links = chain(4);
    links[1] = { ...links[1]!, action: "service.delete" };
    expect(checkChain(links, { hash: GENESIS_HASH, seq: 0n })).toEqual({ ok: false, firstBrokenEventId: "event-2" });
  });

  it("detects changed content even when that event was re-hashed (the next link no longer matches)", () => {
    const links = chain(4);
    links[1] = rehash({ ...links[1]!, after: { name: "Checkout", tier: "TIER_4" } });
    expect(checkChain(links, { hash: GENESIS_HASH, seq: 0n })).toEqual({ ok: false, firstBrokenEventId: "event-3" });
  });

  it("detects a wrong prevHash", () => {
    const links = chain(4);
    links[2] = rehash({ ...links[2]!, prevHash: "b".repeat(64) });
    expect(checkChain(links, { hash: GENESIS_HASH, seq: 0n })).toEqual({ ok: false, firstBrokenEventId: "event-3" });
  });

  it("detects a gap in seq", () => {
    const links = chain(4);
    links.splice(1, 1); // event-2 removed: event-3 follows event-1
    expect(checkChain(links, { hash: GENESIS_HASH, seq: 0n })).toEqual({ ok: false, firstBrokenEventId: "event-3" });
  });

  it("detects a gap in seq even when the hashes were recomputed around it", () => {
    const links = chain(3);
    const gapped = rehash({ ...links[2]!, seq: 4n });
    expect(checkChain([links[0]!, links[1]!, gapped], { hash: GENESIS_HASH, seq: 0n })).toEqual({ ok: false, firstBrokenEventId: "event-3" });
  });

  it("reports only the first broken event", () => {
    const links = chain(5);
    links[1] = { ...links[1]!, action: "x" };
    links[3] = { ...links[3]!, action: "y" };
    expect(checkChain(links, { hash: GENESIS_HASH, seq: 0n })).toEqual({ ok: false, firstBrokenEventId: "event-2" });
  });

  it("refuses an unsealed link", () => {
    const links = chain(2);
    links[1] = { ...links[1]!, hash: null, prevHash: null };
    expect(checkChain(links, { hash: GENESIS_HASH, seq: 0n })).toEqual({ ok: false, firstBrokenEventId: "event-2" });
  });
});
