// Email through a real SMTP server (smtp-server) started by the test, parsed with mailparser: the
// notifier queues one delivery per (event, person), the email job sends it once, and a server that
// refuses makes the job throw (so pg-boss retries) with the error recorded.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson } from "../../prisma/seed/factories";
import { testDb } from "../../test/helpers";
import type { DomainEventRecord } from "../events/catalogue";
import { emitEvent } from "../events/emit";
import { sendEmailDelivery } from "./email";
import { deliverNotice } from "./notifier";

const db = testDb;
const received: ParsedMail[] = [];
let refuse = false;
let server: SMTPServer;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      if (refuse) {
        stream.resume();
        return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 450 }));
      }
      simpleParser(stream).then((mail) => {
        received.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // lib/env reads the environment on first use, which comes after this.
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function anEvent(): Promise<DomainEventRecord> {
  const entityId = randomUUID();
  await db().$transaction((tx) => emitEvent(tx, "webhook.test", { entityType: "Test", entityId }, { message: "x" }));
  return (await db().$queryRaw<DomainEventRecord[]>`SELECT * FROM "DomainEvent" WHERE "entityId" = ${entityId}`)[0]!;
}

describe("email notices", () => {
  it("sends one plain-text and HTML email per person and event, even when the event is redelivered", async () => {
    const person = await createPerson(db(), { role: "ENGINEER", name: "Mail Reader" });
    const event = await anEvent();
    const queued: { queue: string; data: { deliveryId: string } }[] = [];
    const notice = { kind: "change.decided" as const, personIds: [person.id], title: "CHG-7 approved by the CAB", body: "Looks safe & tested.", href: "/changes/abc" };
    for (let redelivery = 0; redelivery < 2; redelivery += 1) {
      await db().$transaction((tx) => deliverNotice(event, notice, { tx, enqueue: async (queue, data) => void queued.push({ queue, data: data as { deliveryId: string } }) }));
    }
    expect(queued).toHaveLength(1);
    expect(queued[0]!.queue).toBe("email.send");
    await sendEmailDelivery(db(), queued[0]!.data.deliveryId, new Date());
    await sendEmailDelivery(db(), queued[0]!.data.deliveryId, new Date()); // the job ran twice: still one email
    const mails = received.filter((mail) => mail.subject?.includes("CHG-7"));
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe("[Runwell] CHG-7 approved by the CAB");
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toContain(person.email);
    expect(mail.text).toContain("Hello Mail Reader,");
    expect(mail.text).toContain("Looks safe & tested.");
    expect(mail.text).toMatch(/Open in Runwell: http.*\/changes\/abc/);
    expect(mail.html).toContain("Looks safe &#38; tested.");
    expect(mail.headers.get("x-runwell-event")).toBe(event.id);
    expect(await db().emailDelivery.findUniqueOrThrow({ where: { id: queued[0]!.data.deliveryId }, select: { status: true } })).toEqual({ status: "DELIVERED" });
  });

  it("does not email a person who turned email off for that kind", async () => {
    const person = await createPerson(db(), { role: "ENGINEER" });
    await db().notificationPreference.create({ data: { personId: person.id, kind: "change.decided", channel: "EMAIL", enabled: false } });
    const event = await anEvent();
    const queued: unknown[] = [];
    await db().$transaction((tx) => deliverNotice(event, { kind: "change.decided", personIds: [person.id], title: "t", href: "/" }, { tx, enqueue: async (_q, data) => void queued.push(data) }));
    expect(queued).toHaveLength(0);
    expect(await db().notification.count({ where: { personId: person.id } })).toBe(1);
  });

  it("records a refusal and throws so the queue retries it", async () => {
    const person = await createPerson(db(), { role: "ENGINEER" });
    const event = await anEvent();
    const ids: string[] = [];
    await db().$transaction((tx) => deliverNotice(event, { kind: "change.decided", personIds: [person.id], title: "Refused mail", href: "/" }, { tx, enqueue: async (_q, data) => void ids.push((data as { deliveryId: string }).deliveryId) }));
    refuse = true;
    await expect(sendEmailDelivery(db(), ids[0]!, new Date())).rejects.toThrow(/Mailbox unavailable/);
    refuse = false;
    expect(await db().emailDelivery.findUniqueOrThrow({ where: { id: ids[0]! }, select: { status: true, attempts: true, lastError: true } })).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.stringMatching(/Mailbox unavailable/) });
    await sendEmailDelivery(db(), ids[0]!, new Date());
    expect(received.filter((mail) => mail.subject === "[Runwell] Refused mail")).toHaveLength(1);
  });
});
