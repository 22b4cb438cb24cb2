// The `webhooks` subscriber: for each event, one delivery per webhook that wants it, written in the
// dispatcher's transaction with the job that sends it. (webhookId, eventId) is unique, so a
// redelivered event finds its deliveries there and queues nothing. A team's webhook receives the
// events of its team (its services, its schedules); the organisation's receives every event it
// subscribed to. A webhook receives the events that happen after it was added.
import type { DomainEventRecord } from "../events/catalogue";
import type { EventHandlerContext, Subscriber } from "../events/subscribers";
import type { DbTx } from "../db";
import { portalUrl } from "../notifications/email-template";
import { DELIVER_QUEUE } from "./deliver-webhook";
import { webhookBody } from "./payload";
import { WEBHOOK_EVENT_TYPES } from "./schemas";

type Target = { id: string; teamId: string | null; format: "STANDARD" | "SLACK"; events: string[]; createdAt: Date };

// One read of the webhooks per dispatcher batch (one transaction), not one per event.
const targetsByBatch = new WeakMap<object, Promise<Target[]>>();

function activeWebhooks(tx: DbTx): Promise<Target[]> {
  let targets = targetsByBatch.get(tx);
  if (!targets) {
    targets = tx.webhook.findMany({ where: { enabled: true, removedAt: null }, select: { id: true, teamId: true, format: true, events: true, createdAt: true } });
    targetsByBatch.set(tx, targets);
  }
  return targets;
}

export function webhooksFor(event: Pick<DomainEventRecord, "type" | "teamId" | "occurredAt">, webhooks: readonly Target[]): Target[] {
  return webhooks.filter((webhook) => webhook.events.includes(event.type) && (webhook.teamId === null || webhook.teamId === event.teamId) && webhook.createdAt <= event.occurredAt);
}

export async function fanOutEvent(event: DomainEventRecord, { tx, enqueue }: EventHandlerContext): Promise<void> {
  const targets = webhooksFor(event, await activeWebhooks(tx));
  if (targets.length === 0) return;
  const at = new Date();
  const created = await tx.webhookDelivery.createManyAndReturn({
    data: targets.map((webhook) => ({ webhookId: webhook.id, eventId: event.id, eventType: event.type, body: webhookBody(webhook.format, event, portalUrl), roundStartedAt: at, createdAt: at })),
    skipDuplicates: true,
    select: { id: true },
  });
  for (const row of created) await enqueue(DELIVER_QUEUE, { deliveryId: row.id });
}

export const webhookFanOut: Subscriber = { name: "webhooks", types: WEBHOOK_EVENT_TYPES, handle: fanOutEvent };
