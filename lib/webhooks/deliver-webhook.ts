// One attempt to deliver one webhook delivery: the `webhook.deliver` job's work. It claims the
// delivery (so two workers never post it at once), POSTs the stored body with fresh Standard Webhooks
// signature headers, and records the attempt. A 2xx answer delivers it; anything else plans the next
// attempt by the retry schedule, as a job queued in the same transaction, or gives up after 24 hours.
// A failed attempt is an outcome, not an error: the job completes, and the log shows what happened.
import { performance } from "node:perf_hooks";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "../db";
import type { EventHandlerContext } from "../events/subscribers";
import { logger } from "../observability/logger";
import { metrics } from "../observability/metrics";
import { nextAttemptAt } from "./retry-schedule";
import { openSecret } from "./secret-box";
import { signatureHeaders } from "./signing";

export const DELIVER_QUEUE = "webhook.deliver";
/** Longer than an attempt can take (the request timeout), so a live claim is never taken over. */
const CLAIM_MS = 60_000;
const REQUEST_TIMEOUT_MS = 10_000;
/** A job may start a moment before the planned instant (clocks of the app and the database differ). */
const EARLY_SLACK_MS = 2_000;

export type DeliverOptions = {
  now: Date;
  /** Queues the next attempt inside the transaction that records this one. */
  enqueueIn: (tx: Prisma.TransactionClient) => EventHandlerContext["enqueue"];
  fetch?: typeof fetch;
};

export type AttemptOutcome = "delivered" | "retrying" | "given-up" | "skipped";

type Answer = { statusCode: number | null; error: string | null; durationMs: number };

async function post(send: typeof fetch, url: string, headers: Record<string, string>, body: string): Promise<Answer> {
  const started = performance.now();
  try {
    // Redirects are not followed: a receiver answers itself, and a 3xx is recorded as a failure.
    const response = await send(url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = response.ok ? "" : (await response.text().catch(() => "")).slice(0, 300);
    await response.body?.cancel().catch(() => undefined);
    const durationMs = Math.round(performance.now() - started);
    return { statusCode: response.status, error: response.ok ? null : `HTTP ${response.status}${text ? `: ${text}` : ""}`, durationMs };
  } catch (error) {
    const durationMs = Math.round(performance.now() - started);
    const cause = error instanceof Error ? (error.name === "TimeoutError" ? `No answer within ${REQUEST_TIMEOUT_MS / 1000} s` : `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ""}`) : String(error);
    return { statusCode: null, error: cause.slice(0, 500), durationMs };
  }
}

export async function deliverWebhook(db: Db, deliveryId: string, options: DeliverOptions): Promise<AttemptOutcome> {
  const { now } = options;
  const claimed = await db.webhookDelivery.updateMany({
    where: {
      id: deliveryId,
      status: "PENDING",
      OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
      AND: [{ OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: new Date(now.getTime() + EARLY_SLACK_MS) } }] }],
    },
    data: { claimedUntil: new Date(now.getTime() + CLAIM_MS) },
  });
  if (claimed.count === 0) {
    // Delivered, given up, or a job left over from before a "send again" (not due): nothing to do.
    // Held by another worker: throw, so pg-boss tries this job again after the claim, in case that
    // worker died before it could plan the next attempt.
    const held = await db.webhookDelivery.findFirst({ where: { id: deliveryId, status: "PENDING", claimedUntil: { gte: now } }, select: { claimedUntil: true } });
    if (held) throw new Error(`Webhook delivery ${deliveryId} is being attempted by another worker until ${held.claimedUntil?.toISOString()}.`);
    return "skipped";
  }
  const delivery = await db.webhookDelivery.findUniqueOrThrow({
    where: { id: deliveryId },
    select: { id: true, eventId: true, eventType: true, body: true, createdAt: true, roundStartedAt: true, roundAttempts: true, webhook: { select: { id: true, url: true, secret: true, enabled: true, removedAt: true } } },
  });
  const { webhook } = delivery;
  if (!webhook.enabled || webhook.removedAt) {
    await db.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "FAILED", givenUpAt: now, nextAttemptAt: null, claimedUntil: null, lastError: webhook.removedAt ? "The webhook was removed." : "The webhook was turned off." } });
    return "given-up";
  }
  let answer: Answer;
  try {
    const headers = { "content-type": "application/json", "user-agent": "Runwell-Webhooks/1", ...signatureHeaders(openSecret(webhook.secret), delivery.eventId, now, delivery.body) };
    answer = await post(options.fetch ?? fetch, webhook.url, headers, delivery.body);
  } catch (error) {
    // The secret could not be opened (the key changed): nothing was sent; retrying will not help soon, but the schedule decides.
    answer = { statusCode: null, error: error instanceof Error ? error.message : String(error), durationMs: 0 };
  }
  const delivered = answer.statusCode !== null && answer.statusCode >= 200 && answer.statusCode < 300;
  const failedInRound = delivery.roundAttempts + 1;
  const next = delivered ? null : nextAttemptAt(delivery.roundStartedAt, failedInRound, now);
  const outcome: AttemptOutcome = delivered ? "delivered" : next ? "retrying" : "given-up";
  await db.$transaction(async (tx) => {
    await tx.webhookAttempt.create({ data: { deliveryId, at: now, statusCode: answer.statusCode, durationMs: answer.durationMs, error: answer.error }, select: { id: true } });
    await tx.webhookDelivery.update({
      where: { id: deliveryId },
      data: {
        attempts: { increment: 1 },
        roundAttempts: { increment: 1 },
        lastAttemptAt: now,
        lastStatusCode: answer.statusCode,
        lastDurationMs: answer.durationMs,
        lastError: answer.error,
        claimedUntil: null,
        nextAttemptAt: next,
        ...(delivered ? { status: "DELIVERED", deliveredAt: now } : next ? {} : { status: "FAILED", givenUpAt: now }),
      },
      select: { id: true },
    });
    if (next) await options.enqueueIn(tx)(DELIVER_QUEUE, { deliveryId }, { startAfter: next });
  });
  // From the event's commit, retries included; a manual "send again" is not a latency.
  if (delivered && delivery.roundStartedAt.getTime() === delivery.createdAt.getTime()) {
    const event = await db.domainEvent.findUnique({ where: { id: delivery.eventId }, select: { occurredAt: true } });
    const from = event?.occurredAt ?? delivery.createdAt;
    metrics().deliveryLatency.observe({ channel: "webhook" }, Math.max(0, now.getTime() - from.getTime()) / 1000);
  }
  if (!delivered) logger().info({ deliveryId, webhookId: webhook.id, statusCode: answer.statusCode, outcome }, "webhook attempt failed");
  return outcome;
}
