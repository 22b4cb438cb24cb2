// The audit chain against real PostgreSQL. It runs on its own database (test/helpers.ts auditChainDb):
// it counts the whole chain and briefly tampers with it, which must not disturb files running in parallel.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { adminActor, auditChainDb, personActor, systemTestActor } from "../../test/helpers";
import { AppError } from "../errors";
import { GENESIS_HASH, hashEvent } from "./hash";
import { recordAuditEvent } from "./record-audit-event";
import { requestSeal, sealAllPending } from "./seal-audit-events";
import { chainStatus, verifyAuditChain } from "./verify-audit-chain";

const prisma = auditChainDb();
afterAll(() => prisma.$disconnect());

const actor = systemTestActor();
const uniqueEntity = () => `entity-${randomBytes(6).toString("hex")}`;

async function record(entityId: string, count = 1): Promise<void> {
  await prisma.$transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      await recordAuditEvent(tx, actor, { action: "environment.create", entityType: "Environment", entityId, after: { i, at: new Date() } });
    }
  });
}

const linkSelect = {
  id: true, seq: true, occurredAt: true, actorId: true, actorLabel: true, actorKind: true,
  action: true, entityType: true, entityId: true, before: true, after: true, prevHash: true, hash: true, sealedAt: true,
} as const;

/** Every event of an entity is sealed, in consecutive positions, linked to its predecessor and correctly hashed. */
async function expectSealedAndLinked(entityId: string, count: number): Promise<void> {
  const events = await prisma.auditEvent.findMany({ where: { entityId }, orderBy: { seq: "asc" }, select: linkSelect });
  expect(events).toHaveLength(count);
  for (const [index, event] of events.entries()) {
    expect(event.seq, "sealed").not.toBeNull();
    expect(event.sealedAt).not.toBeNull();
    if (index > 0) expect(event.seq).toBe((events[index - 1]!.seq as bigint) + 1n);
    const seq = event.seq as bigint;
    const previous = seq === 1n ? null : await prisma.auditEvent.findUnique({ where: { seq: seq - 1n }, select: { hash: true } });
    expect(event.prevHash).toBe(previous?.hash ?? GENESIS_HASH);
    expect(event.hash).toBe(hashEvent({ ...event, seq }, event.prevHash as string));
  }
}

/** The whole chain has seq 1..n with no gap and nothing left unsealed. */
async function expectContiguousChain(): Promise<void> {
  const [row] = await prisma.$queryRaw<{ total: bigint; sealed: bigint; min: bigint | null; max: bigint | null }[]>`
    SELECT count(*) AS total, count(seq) AS sealed, min(seq) AS min, max(seq) AS max FROM "AuditEvent"`;
  expect(row!.sealed).toBe(row!.total);
  expect(row!.min).toBe(1n);
  expect(row!.max).toBe(row!.total);
}

async function someSealedEvent() {
  const entityId = uniqueEntity();
  await record(entityId);
  await sealAllPending(prisma);
  return prisma.auditEvent.findFirstOrThrow({ where: { entityId }, select: { id: true, action: true, hash: true } });
}

describe("recording", () => {
  it("leaves no event when the transaction rolls back", async () => {
    const entityId = uniqueEntity();
    await expect(
      prisma.$transaction(async (tx) => {
        await recordAuditEvent(tx, actor, { action: "environment.create", entityType: "Environment", entityId });
        throw new Error("the mutation failed");
      }),
    ).rejects.toThrow("the mutation failed");
    expect(await prisma.auditEvent.count({ where: { entityId } })).toBe(0);
  });

  it("writes events unsealed, with the actor and JSON-safe before/after", async () => {
    const entityId = uniqueEntity();
    const person = personActor({ role: "ADMIN", name: "Ada Admin" });
    await prisma.$transaction((tx) =>
      recordAuditEvent(tx, person, { action: "environment.create", entityType: "Environment", entityId, before: { n: 1n }, after: { when: new Date(0) } }),
    );
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId }, select: linkSelect });
    expect(event).toMatchObject({ seq: null, hash: null, actorId: person.id, actorKind: "PERSON", before: { n: "1" }, after: { when: "1970-01-01T00:00:00.000Z" } });
    expect(event.actorLabel).toBe(`Ada Admin <${person.email}>`);
  });
});

describe("sealing", () => {
  it("requestSeal seals committed events with consecutive seq and the right prevHash", async () => {
    const entityId = uniqueEntity();
    await record(entityId, 3);
    await requestSeal(prisma);
    await expectSealedAndLinked(entityId, 3);
    await expectContiguousChain();
  });

  it("sealAllPending seals everything committed and reports how many", async () => {
    const entityId = uniqueEntity();
    await record(entityId, 4);
    expect(await sealAllPending(prisma)).toBe(4);
    expect(await sealAllPending(prisma)).toBe(0);
    await expectSealedAndLinked(entityId, 4);
  });

  it("seals more than one batch", async () => {
    const entityId = uniqueEntity();
    await prisma.auditEvent.createMany({
      data: Array.from({ length: 700 }, (_, i) => ({ actorLabel: "test", actorKind: "SYSTEM", action: "test.bulk", entityType: "Environment", entityId, after: { i } })),
    });
    expect(await sealAllPending(prisma)).toBe(700);
    await expectContiguousChain();
  });

  it("seals every event of 50 concurrent writers, without gaps", async () => {
    const entityIds = Array.from({ length: 50 }, uniqueEntity);
    await Promise.all(
      entityIds.map(async (entityId) => {
        await record(entityId);
        await requestSeal(prisma);
      }),
    );
    const unsealed = await prisma.auditEvent.count({ where: { entityId: { in: entityIds }, seq: null } });
    expect(unsealed).toBe(0);
    await expectContiguousChain();
    const verification = await verifyAuditChain(prisma, adminActor());
    expect(verification.ok).toBe(true);
  });
});

describe("the append-only trigger", () => {
  it("refuses to change a sealed event's content", async () => {
    const event = await someSealedEvent();
    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { action: "test.rewritten" } })).rejects.toThrow("append-only");
  });

  it("refuses to change an unsealed event's content", async () => {
    const entityId = uniqueEntity();
    await record(entityId);
    await expect(prisma.$executeRaw`UPDATE "AuditEvent" SET "entityId" = 'moved' WHERE "entityId" = ${entityId}`).rejects.toThrow(
      "append-only",
    );
    await sealAllPending(prisma);
  });

  it("refuses to re-seal an already sealed event", async () => {
    const event = await someSealedEvent();
    await expect(prisma.$executeRaw`UPDATE "AuditEvent" SET hash = ${"f".repeat(64)} WHERE id = ${event.id}`).rejects.toThrow(
      "append-only",
    );
  });

  it("refuses DELETE", async () => {
    const event = await someSealedEvent();
    await expect(prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow("append-only");
    await expect(prisma.$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${event.id}`).rejects.toThrow("append-only");
  });

  it("refuses TRUNCATE", async () => {
    await someSealedEvent();
    await expect(prisma.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow("append-only");
    expect(await prisma.auditEvent.count()).toBeGreaterThan(0);
  });
});

describe("verifyAuditChain", () => {
  it("checks every event", async () => {
    await record(uniqueEntity(), 2); // left unsealed: verification seals first
    const result = await verifyAuditChain(prisma, adminActor());
    expect(result).toEqual({ ok: true, checked: await prisma.auditEvent.count(), firstBrokenEventId: null });
  });

  it("finds the event a database superuser changed behind the trigger's back", async () => {
    const victim = await someSealedEvent();
    await record(uniqueEntity(), 2); // the victim is not the last event
    await sealAllPending(prisma);
    // DDL is transactional: the triggers are off only inside this transaction, never for other sessions.
    const setAction = (action: string) =>
      prisma.$transaction([
        prisma.$executeRawUnsafe('ALTER TABLE "AuditEvent" DISABLE TRIGGER USER'),
        prisma.$executeRaw`UPDATE "AuditEvent" SET action = ${action} WHERE id = ${victim.id}`,
        prisma.$executeRawUnsafe('ALTER TABLE "AuditEvent" ENABLE TRIGGER USER'),
      ]);
    try {
      await setAction("test.tampered");
      const result = await verifyAuditChain(prisma, adminActor());
      expect(result).toMatchObject({ ok: false, firstBrokenEventId: victim.id });
    } finally {
      await setAction(victim.action);
      await prisma.$executeRawUnsafe('ALTER TABLE "AuditEvent" ENABLE TRIGGER USER');
    }
    const triggers = await prisma.$queryRaw<{ tgname: string; tgenabled: string }[]>`
      -- ::text: adapter-pg 6.19 cannot read PostgreSQL's name and "char" types (prisma/orm#27403).
      SELECT tgname::text AS tgname, tgenabled::text AS tgenabled FROM pg_trigger WHERE tgrelid = '"AuditEvent"'::regclass AND NOT tgisinternal ORDER BY tgname`;
    expect(triggers).toEqual([
      { tgname: "AuditEvent_append_only", tgenabled: "O" },
      { tgname: "AuditEvent_no_truncate", tgenabled: "O" },
    ]);
    expect(await verifyAuditChain(prisma, adminActor())).toMatchObject({ ok: true, firstBrokenEventId: null });
  });

  it("is refused to an engineer", async () => {
    const attempt = verifyAuditChain(prisma, personActor({ role: "ENGINEER" }));
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("is allowed to a change manager", async () => {
    await expect(verifyAuditChain(prisma, personActor({ role: "CHANGE_MANAGER" }))).resolves.toMatchObject({ ok: true });
  });
});

describe("recorded checks", () => {
  const changeManager = personActor({ role: "CHANGE_MANAGER", name: "Cleo Change" });

  it("records each verdict, and an incremental run hashes only what was sealed since the last intact check", async () => {
    await verifyAuditChain(prisma, changeManager, "full");
    const full = await chainStatus(prisma, changeManager);
    expect(full.lastCheck).toMatchObject({ kind: "FULL", ok: true, throughSeq: String(full.sealedTotal), firstBroken: null });
    expect(full.lastCheck!.actorLabel).toContain("Cleo Change");
    expect(full.unverified).toBe(0);

    await record(uniqueEntity(), 3);
    await sealAllPending(prisma);
    expect((await chainStatus(prisma, changeManager)).unverified).toBe(3);

    const incremental = await verifyAuditChain(prisma, changeManager, "incremental");
    expect(incremental).toEqual({ ok: true, checked: 3, firstBrokenEventId: null });
    const after = await chainStatus(prisma, changeManager);
    expect(after.lastCheck).toMatchObject({ kind: "INCREMENTAL", ok: true, checked: 3, throughSeq: String(after.sealedTotal) });
    expect(after.unverified).toBe(0);
  });

  it("records a broken chain with its first bad event, and the next incremental request re-walks everything", async () => {
    const victim = await someSealedEvent();
    await record(uniqueEntity(), 1);
    await sealAllPending(prisma);
    const setAction = (action: string) =>
      prisma.$transaction([
        prisma.$executeRawUnsafe('ALTER TABLE "AuditEvent" DISABLE TRIGGER USER'),
        prisma.$executeRaw`UPDATE "AuditEvent" SET action = ${action} WHERE id = ${victim.id}`,
        prisma.$executeRawUnsafe('ALTER TABLE "AuditEvent" ENABLE TRIGGER USER'),
      ]);
    try {
      await setAction("test.tampered");
      await verifyAuditChain(prisma, changeManager, "full");
      const status = await chainStatus(prisma, changeManager);
      expect(status.lastCheck).toMatchObject({ ok: false, kind: "FULL", firstBroken: { id: victim.id, action: "test.tampered" } });
    } finally {
      await setAction(victim.action);
    }
    // After a broken verdict there is no intact prefix to continue from: the run is a full one.
    await verifyAuditChain(prisma, changeManager, "incremental");
    expect((await chainStatus(prisma, changeManager)).lastCheck).toMatchObject({ ok: true, kind: "FULL" });
  });
});
