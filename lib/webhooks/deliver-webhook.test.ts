// Delivery against a real local receiver that verifies each request with standardwebhooks: a 2xx
// delivers; a 500 plans the retry (5 s later, queued in the same transaction) and the next call
// delivers; a receiver that never answers well is given up after the 24-hour schedule, visible in
// the log; "send again" starts a new round with the same body and webhook-id. The clock is injected.
process.env.RUNWELL_SECRETS_KEY ??= "webhook-tests-secrets-key-0123456789";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminActor, testDb } from "../../test/helpers";
import { startReceiver, type Receiver } from "../../test/webhook-receiver";
import { deliverWebhook } from "./deliver-webhook";
import { createWebhook } from "./create-webhook";
import { resendDelivery } from "./resend-delivery";
import { sendTestEvent } from "./send-test-event";

const db = testDb;
let receiver: Receiver;
type Queued = { queue: string; data: { deliveryId: string }; startAfter?: Date };
const queued: Queued[] = [];
const enqueueIn = () => async (queue: string, data: object, options?: { startAfter?: Date }) => void queued.push({ queue, data: data as Queued["data"], startAfter: options?.startAfter });

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

async function testDelivery(format: "standard" | "slack" = "standard") {
  const { id, secret } = await createWebhook(db(), adminActor(), { team: null, url: receiver.url, events: ["deployment.failed"], format: format.toUpperCase() });
  receiver.secrets.push(secret);
  const { deliveryId, eventId } = await sendTestEvent(db(), adminActor(), id, enqueueIn);
  return { webhookId: id, deliveryId, eventId };
}

const row = (id: string) => db().webhookDelivery.findUniqueOrThrow({ where: { id }, include: { attemptLog: { orderBy: { at: "asc" } } } });

describe("delivering a webhook", () => {
  it("posts the body with a Standard Webhooks signature the receiver verifies, and logs the answer", async () => {
    const { deliveryId, eventId } = await testDelivery();
    expect(queued.at(-1)).toMatchObject({ queue: "webhook.deliver", data: { deliveryId } });
    expect(await deliverWebhook(db(), deliveryId, { now: new Date(), enqueueIn })).toBe("delivered");
    const got = receiver.received.filter((request) => request.id === eventId);
    expect(got).toHaveLength(1);
    expect(got[0]!.verified).toBe(true);
    expect(got[0]!.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(got[0]!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(got[0]!.body)).toMatchObject({ type: "webhook.test", data: { message: expect.stringContaining("check this webhook") } });
    const delivery = await row(deliveryId);
    expect(delivery).toMatchObject({ status: "DELIVERED", attempts: 1, lastStatusCode: 200, lastError: null, nextAttemptAt: null, claimedUntil: null });
    expect(delivery.attemptLog).toHaveLength(1);
    expect(delivery.attemptLog[0]!.durationMs).toBeGreaterThanOrEqual(0);
    // The job ran twice: still one request.
    expect(await deliverWebhook(db(), deliveryId, { now: new Date(), enqueueIn })).toBe("skipped");
    expect(receiver.received.filter((request) => request.id === eventId)).toHaveLength(1);
  });

  it("retries a 500 five seconds later with the same webhook-id, and delivers on the 200", async () => {
    const { deliveryId, eventId } = await testDelivery();
    receiver.answers.push(500);
    const first = new Date();
    queued.length = 0;
    expect(await deliverWebhook(db(), deliveryId, { now: first, enqueueIn })).toBe("retrying");
    const retry = new Date(first.getTime() + 5_000);
    expect(queued).toEqual([{ queue: "webhook.deliver", data: { deliveryId }, startAfter: retry }]);
    expect(await row(deliveryId)).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 500, lastError: "HTTP 500: receiver says no", nextAttemptAt: retry });
    // A job that turns up before its time (a duplicate) does nothing.
    expect(await deliverWebhook(db(), deliveryId, { now: new Date(first.getTime() + 1_000), enqueueIn })).toBe("skipped");
    expect(await deliverWebhook(db(), deliveryId, { now: retry, enqueueIn })).toBe("delivered");
    const got = receiver.received.filter((request) => request.id === eventId);
    expect(got.map((request) => request.verified)).toEqual([true, true]);
    expect(got[0]!.body).toBe(got[1]!.body);
    expect(Number(got[1]!.timestamp) - Number(got[0]!.timestamp)).toBe(5);
    const delivery = await row(deliveryId);
    expect(delivery.attemptLog.map((attempt) => attempt.statusCode)).toEqual([500, 200]);
    expect(delivery).toMatchObject({ status: "DELIVERED", attempts: 2 });
  });

  it("records a refused connection as an attempt without an answer", async () => {
    const closed = await startReceiver();
    await closed.close();
    const { id } = await createWebhook(db(), adminActor(), { team: null, url: closed.url, events: ["deployment.failed"] });
    const { deliveryId } = await sendTestEvent(db(), adminActor(), id, enqueueIn);
    expect(await deliverWebhook(db(), deliveryId, { now: new Date(), enqueueIn })).toBe("retrying");
    expect(await row(deliveryId)).toMatchObject({ status: "PENDING", lastStatusCode: null, lastError: expect.stringContaining("ECONNREFUSED") });
  });

  it("gives up after the 24-hour schedule, then 'send again' starts a new round", async () => {
    // Signatures carry the attempt's (injected) time, which a receiver checks against its own clock:
    // this test's receiver does not look at verification, only at counts.
    const { deliveryId, eventId } = await testDelivery();
    let now = new Date();
    const start = now;
    let outcome = "";
    for (let attempt = 1; attempt <= 20 && outcome !== "given-up"; attempt += 1) {
      receiver.answers.push(503);
      outcome = await deliverWebhook(db(), deliveryId, { now, enqueueIn });
      const next = (await row(deliveryId)).nextAttemptAt;
      if (next) now = next;
    }
    expect(outcome).toBe("given-up");
    const givenUp = await row(deliveryId);
    expect(givenUp).toMatchObject({ status: "FAILED", attempts: 13, lastStatusCode: 503, nextAttemptAt: null });
    expect(givenUp.givenUpAt!.getTime() - start.getTime()).toBeLessThanOrEqual(24 * 3600 * 1000);
    expect(receiver.received.filter((request) => request.id === eventId)).toHaveLength(13);

    const again = new Date();
    queued.length = 0;
    await resendDelivery(db(), adminActor(), deliveryId, enqueueIn, again);
    expect(queued).toEqual([{ queue: "webhook.deliver", data: { deliveryId }, startAfter: undefined }]);
    expect(await deliverWebhook(db(), deliveryId, { now: again, enqueueIn })).toBe("delivered");
    const resent = receiver.received.filter((request) => request.id === eventId).at(-1)!;
    expect(resent.verified).toBe(true);
    expect(await row(deliveryId)).toMatchObject({ status: "DELIVERED", attempts: 14, roundAttempts: 1 });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "webhook.resend", entityId: givenUp.webhookId } });
    expect(audit.after).toMatchObject({ eventId, previously: "failed" });
  });

  it("never posts a delivery twice at once: a second worker finds it claimed and leaves it to pg-boss's retry", async () => {
    const { deliveryId, eventId } = await testDelivery();
    const now = new Date();
    const outcomes = await Promise.allSettled([deliverWebhook(db(), deliveryId, { now, enqueueIn }), deliverWebhook(db(), deliveryId, { now, enqueueIn })]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled" && outcome.value === "delivered")).toHaveLength(1);
    expect(receiver.received.filter((request) => request.id === eventId)).toHaveLength(1);

    const held = await testDelivery();
    await db().webhookDelivery.update({ where: { id: held.deliveryId }, data: { claimedUntil: new Date(now.getTime() + 30_000) } });
    await expect(deliverWebhook(db(), held.deliveryId, { now, enqueueIn })).rejects.toThrow(/another worker/);
    expect(receiver.received.filter((request) => request.id === held.eventId)).toHaveLength(0);
    // Once the claim has run out (its worker died), the retried job makes the attempt.
    expect(await deliverWebhook(db(), held.deliveryId, { now: new Date(now.getTime() + 31_000), enqueueIn })).toBe("delivered");
  });

  it("gives up a pending delivery of a webhook that was turned off, without posting", async () => {
    const { deliveryId, eventId, webhookId } = await testDelivery();
    await db().webhook.update({ where: { id: webhookId }, data: { enabled: false } });
    expect(await deliverWebhook(db(), deliveryId, { now: new Date(), enqueueIn })).toBe("given-up");
    expect(receiver.received.filter((request) => request.id === eventId)).toHaveLength(0);
  });
});
