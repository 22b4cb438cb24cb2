// Removing a webhook, and turning one off and on. A removed or disabled webhook gets no new
// deliveries, and the ones still pending are given up (the delivery job checks too).
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db, DbTx } from "../db";
import { parseInput } from "../errors";
import { z } from "zod";
import { safeId } from "../validation/text";
import { webhookSnapshot } from "./audit-snapshot";
import { loadWebhookToManage } from "./webhook-access";

const ZWebhookId = safeId("Name the webhook (its id).");

async function giveUpPending(tx: DbTx, webhookId: string, now: Date, why: string) {
  await tx.webhookDelivery.updateMany({ where: { webhookId, status: "PENDING" }, data: { status: "FAILED", givenUpAt: now, nextAttemptAt: null, lastError: why } });
}

export async function removeWebhook(db: Db, actor: Actor, id: unknown, now = new Date()): Promise<{ id: string }> {
  const webhookId = parseInput(ZWebhookId, id);
  await db.$transaction(async (tx) => {
    const webhook = await loadWebhookToManage(tx, actor, webhookId);
    await tx.webhook.update({ where: { id: webhook.id }, data: { removedAt: now, enabled: false }, select: { id: true } });
    await giveUpPending(tx, webhook.id, now, "The webhook was removed.");
    await recordAuditEvent(tx, actor, { action: "webhook.remove", entityType: "Webhook", entityId: webhook.id, before: webhookSnapshot(webhook) });
  });
  await requestSeal(db);
  return { id: webhookId };
}

const ZEnabled = z.object({ id: ZWebhookId, enabled: z.boolean({ error: "Say whether the webhook is on." }) });

export async function setWebhookEnabled(db: Db, actor: Actor, input: unknown, now = new Date()): Promise<void> {
  const data = parseInput(ZEnabled, input);
  await db.$transaction(async (tx) => {
    const webhook = await loadWebhookToManage(tx, actor, data.id);
    if (webhook.enabled === data.enabled) return;
    await tx.webhook.update({ where: { id: webhook.id }, data: { enabled: data.enabled }, select: { id: true } });
    if (!data.enabled) await giveUpPending(tx, webhook.id, now, "The webhook was turned off.");
    await recordAuditEvent(tx, actor, {
      action: data.enabled ? "webhook.enable" : "webhook.disable",
      entityType: "Webhook",
      entityId: webhook.id,
      before: webhookSnapshot(webhook),
      after: webhookSnapshot({ ...webhook, enabled: data.enabled }),
    });
  });
  await requestSeal(db);
}
