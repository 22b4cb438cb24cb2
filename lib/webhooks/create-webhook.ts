// Adds a webhook to a team or to the organisation. The signing secret is generated here, stored
// encrypted, returned once to be shown once, and never audited or logged.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { parseInput } from "../errors";
import { webhookSnapshot } from "./audit-snapshot";
import { ZCreateWebhook } from "./schemas";
import { sealSecret } from "./secret-box";
import { generateWebhookSecret } from "./signing";
import { resolveScope } from "./webhook-access";

const ZScope = ZCreateWebhook.pick({ team: true });

export async function createWebhook(db: Db, actor: Actor, input: unknown): Promise<{ id: string; secret: string }> {
  // The scope first: someone who may not manage its webhooks is refused whatever else they sent.
  const { team } = parseInput(ZScope, input);
  const secret = generateWebhookSecret();
  const created = await db.$transaction(async (tx) => {
    const scope = await resolveScope(tx, actor, team);
    const data = parseInput(ZCreateWebhook, input);
    const webhook = await tx.webhook.create({
      data: { teamId: scope.teamId, url: data.url, format: data.format, events: data.events, description: data.description, secret: sealSecret(secret) },
      select: { id: true, url: true, format: true, events: true, enabled: true, description: true, team: { select: { slug: true } } },
    });
    await recordAuditEvent(tx, actor, { action: "webhook.create", entityType: "Webhook", entityId: webhook.id, after: webhookSnapshot(webhook) });
    return webhook;
  });
  await requestSeal(db);
  return { id: created.id, secret };
}
