// "Send again": a new round of the retry schedule for one delivery (delivered or given up), with the
// same body and webhook-id, so a receiver that de-duplicates by id is not confused.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import type { Prisma } from "../generated/prisma/client.ts";
import { notFound, parseInput } from "../errors";
import { safeId } from "../validation/text";
import { webhookSnapshot } from "./audit-snapshot";
import { DELIVER_QUEUE } from "./deliver-webhook";
import type { EnqueueIn } from "./send-test-event";
import { loadWebhookToManage } from "./webhook-access";

/** "Send again": a new round for a delivery (delivered or given up), the same body and webhook-id. */
export async function resendDelivery(db: Db, actor: Actor, id: unknown, enqueueIn: EnqueueIn, now = new Date()): Promise<void> {
  const deliveryId = parseInput(safeId("Name the delivery (its id)."), id);
  await db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { id: true, webhookId: true, eventId: true, eventType: true, status: true } });
    if (!delivery) {
      authorize(actor, "webhooks.manage"); // a missing record is answered as the organisation's (webhook-access.ts)
      throw notFound("The delivery");
    }
    const webhook = await loadWebhookToManage(tx, actor, delivery.webhookId);
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: { status: "PENDING", roundStartedAt: now, roundAttempts: 0, nextAttemptAt: now, givenUpAt: null },
      select: { id: true },
    });
    await enqueueIn(tx as Prisma.TransactionClient)(DELIVER_QUEUE, { deliveryId: delivery.id });
    await recordAuditEvent(tx, actor, {
      action: "webhook.resend",
      entityType: "Webhook",
      entityId: webhook.id,
      after: { ...webhookSnapshot(webhook), eventId: delivery.eventId, eventType: delivery.eventType, previously: delivery.status.toLowerCase() },
    });
  });
  await requestSeal(db);
}
