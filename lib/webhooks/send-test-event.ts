// "Send a test event": a `webhook.test` delivery to this one webhook, through the same queue, signing
// and log as every other delivery. It is not a domain event: nothing else receives it.
import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import type { Prisma } from "../generated/prisma/client.ts";
import type { EventHandlerContext } from "../events/subscribers";
import { EVENT_SCHEMAS } from "../events/catalogue";
import { parseInput } from "../errors";
import { portalUrl } from "../notifications/email-template";
import { safeId } from "../validation/text";
import { webhookSnapshot } from "./audit-snapshot";
import { DELIVER_QUEUE } from "./deliver-webhook";
import { webhookBody } from "./payload";
import { loadWebhookToManage } from "./webhook-access";

export type EnqueueIn = (tx: Prisma.TransactionClient) => EventHandlerContext["enqueue"];

export async function sendTestEvent(db: Db, actor: Actor, id: unknown, enqueueIn: EnqueueIn, now = new Date()): Promise<{ deliveryId: string; eventId: string }> {
  const webhookId = parseInput(safeId("Name the webhook (its id)."), id);
  const result = await db.$transaction(async (tx) => {
    const webhook = await loadWebhookToManage(tx, actor, webhookId);
    const eventId = randomUUID();
    const who = actor.kind === "PERSON" ? actor.name : "the operator";
    const payload = EVENT_SCHEMAS["webhook.test"].parse({ message: `Sent by ${who} from Runwell to check this webhook.` });
    const delivery = await tx.webhookDelivery.create({
      data: { webhookId: webhook.id, eventId, eventType: "webhook.test", body: webhookBody(webhook.format, { id: eventId, type: "webhook.test", payload, occurredAt: now }, portalUrl), createdAt: now, roundStartedAt: now },
      select: { id: true },
    });
    await enqueueIn(tx as Prisma.TransactionClient)(DELIVER_QUEUE, { deliveryId: delivery.id });
    await recordAuditEvent(tx, actor, { action: "webhook.test", entityType: "Webhook", entityId: webhook.id, after: { ...webhookSnapshot(webhook), testEventId: eventId } });
    return { deliveryId: delivery.id, eventId };
  });
  await requestSeal(db);
  return result;
}
