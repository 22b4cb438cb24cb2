// The event stream against PostgreSQL: order, the gap-free horizon, at-least-once with a failing
// handler, and the notifier's once-per-(event, person) delivery with preferences. Subscribers here
// are the test's own (unique names, filtered to the test's entities), so parallel test files sharing
// the database are not disturbed.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPerson } from "../../prisma/seed/factories";
import { testDb } from "../../test/helpers";
import type { DomainEventRecord } from "./catalogue";
import { drainSubscriber } from "./dispatch";
import { emitEvent } from "./emit";
import type { Subscriber } from "./subscribers";
import { deliverNotice } from "../notifications/notifier";

const db = testDb;
const noQueue = () => async () => undefined;

function recorder(entityIds: Set<string>, fail?: (event: DomainEventRecord) => boolean) {
  const seen: DomainEventRecord[] = [];
  const subscriber: Subscriber = {
    name: `test:${randomUUID()}`,
    types: "*",
    async handle(event) {
      if (!entityIds.has(event.entityId)) return;
      if (fail?.(event)) throw new Error("handler failed");
      seen.push(event);
    },
  };
  return { subscriber, seen };
}

const payload = (message: string) => ({ message });
const emitTest = (entityId: string, message: string) => db().$transaction((tx) => emitEvent(tx, "webhook.test", { entityType: "Test", entityId }, payload(message)));

describe("the event stream", () => {
  it("hands each event to a subscriber once, in the order they were emitted", async () => {
    const entity = randomUUID();
    const { subscriber, seen } = recorder(new Set([entity]));
    for (const message of ["one", "two", "three"]) await emitTest(entity, message);
    await drainSubscriber(db(), subscriber, noQueue);
    await drainSubscriber(db(), subscriber, noQueue);
    expect(seen.map((event) => (event.payload as { message: string }).message)).toEqual(["one", "two", "three"]);
  });

  it("refuses a payload that does not match its event's schema, writing nothing", async () => {
    const entity = randomUUID();
    await expect(db().$transaction((tx) => emitEvent(tx, "webhook.test", { entityType: "Test", entityId: entity }, { message: 42 } as never))).rejects.toThrow();
    expect(await db().domainEvent.count({ where: { entityId: entity } })).toBe(0);
  });

  it("does not skip an event whose transaction commits after a later one's (the horizon waits for it)", async () => {
    const entity = randomUUID();
    const { subscriber, seen } = recorder(new Set([entity]));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let emittedEarly!: () => void;
    const early = new Promise<void>((resolve) => (emittedEarly = resolve));
    // A: takes the lower sequence number, then stays open.
    const slow = db().$transaction(async (tx) => {
      await emitEvent(tx, "webhook.test", { entityType: "Test", entityId: entity }, payload("first, committed last"));
      emittedEarly();
      await held;
    }, { timeout: 30_000 });
    await early;
    // B: a higher sequence number, committed first.
    await emitTest(entity, "second, committed first");
    const draining = drainSubscriber(db(), subscriber, noQueue);
    // The dispatcher waits for A's shared lock: wait until PostgreSQL shows its lock request waiting.
    for (;;) {
      const [row] = await db().$queryRaw<{ waiting: bigint }[]>`SELECT count(*) AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`;
      if (Number(row?.waiting ?? 0) > 0) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(seen).toHaveLength(0);
    release();
    await slow;
    await draining;
    expect(seen.map((event) => (event.payload as { message: string }).message)).toEqual(["first, committed last", "second, committed first"]);
  });

  it("keeps a failed event and the ones after it for the next drain: nothing is lost or overtaken", async () => {
    const entity = randomUUID();
    let broken = true;
    const { subscriber, seen } = recorder(new Set([entity]), (event) => broken && (event.payload as { message: string }).message === "poison");
    for (const message of ["before", "poison", "after"]) await emitTest(entity, message);
    await expect(drainSubscriber(db(), subscriber, noQueue)).rejects.toThrow("handler failed");
    broken = false;
    seen.length = 0; // the failed batch rolled back; what it saw is redelivered
    await drainSubscriber(db(), subscriber, noQueue);
    expect(seen.map((event) => (event.payload as { message: string }).message)).toEqual(["before", "poison", "after"]);
  });
});

describe("the notifier", () => {
  it("notifies each person once per event, on the channels they keep on", async () => {
    const keeps = await createPerson(db(), { role: "CHANGE_MANAGER" });
    const mutes = await createPerson(db(), { role: "CHANGE_MANAGER" });
    await db().notificationPreference.create({ data: { personId: mutes.id, kind: "change.submitted", channel: "IN_APP", enabled: false } });
    const entity = randomUUID();
    await emitTest(entity, "x");
    const event = (await db().$queryRaw<DomainEventRecord[]>`SELECT * FROM "DomainEvent" WHERE "entityId" = ${entity}`)[0]!;
    const notice = { kind: "change.submitted" as const, personIds: [keeps.id, mutes.id], title: "CHG-1 awaits the CAB", href: "/changes/x" };
    for (let delivery = 0; delivery < 2; delivery += 1) {
      await db().$transaction((tx) => deliverNotice(event, notice, { tx, enqueue: async () => undefined }));
    }
    expect(await db().notification.count({ where: { personId: keeps.id, eventId: event.id } })).toBe(1);
    expect(await db().notification.count({ where: { personId: mutes.id } })).toBe(0);
  });
});
