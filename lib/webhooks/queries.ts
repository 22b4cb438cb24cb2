// Reads for the webhook pages and the CLI: the scope's webhooks with their latest deliveries. Never
// the secret; the URL shortened as the audit trail shows it (displayUrl).
import type { Actor } from "../auth/actor";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { displayUrl } from "./schemas";
import { authorizeScope } from "./webhook-access";

export type DeliveryRow = {
  id: string;
  eventId: string;
  eventType: string;
  status: "PENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  lastStatusCode: number | null;
  lastDurationMs: number | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
  deliveredAt: Date | null;
};

export type WebhookRow = {
  id: string;
  url: string;
  format: "STANDARD" | "SLACK";
  events: string[];
  enabled: boolean;
  description: string;
  createdAt: Date;
  team: { slug: string; name: string } | null;
  deliveries: DeliveryRow[];
};

const DELIVERY_SELECT = {
  id: true, eventId: true, eventType: true, status: true, attempts: true, lastStatusCode: true, lastDurationMs: true,
  lastError: true, lastAttemptAt: true, nextAttemptAt: true, createdAt: true, deliveredAt: true,
} as const;

async function list(db: Db, where: { teamId?: string | null }, recent: number): Promise<WebhookRow[]> {
  const rows = await db.webhook.findMany({
    where: { removedAt: null, ...where },
    orderBy: { createdAt: "asc" },
    select: {
      id: true, url: true, format: true, events: true, enabled: true, description: true, createdAt: true,
      team: { select: { slug: true, name: true } },
      deliveries: { orderBy: { createdAt: "desc" }, take: recent, select: DELIVERY_SELECT },
    },
  });
  return rows.map((row) => ({ ...row, url: displayUrl(row.url) }));
}

/** The webhooks of one team, or of the organisation (teamId null), for someone who may manage them. */
export async function listWebhooksOfScope(db: Db, actor: Actor, teamId: string | null, recent = 10): Promise<WebhookRow[]> {
  await authorizeScope(db, actor, teamId);
  return list(db, { teamId }, recent);
}

/** Every webhook, for the operator's `webhook list`. */
export async function listAllWebhooks(db: Db, actor: Actor, recent = 1): Promise<WebhookRow[]> {
  authorize(actor, "webhooks.manage");
  return list(db, {}, recent);
}

/** The team a team-webhooks page is about. */
export function teamForWebhooks(db: Db, slug: string) {
  return db.team.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
}
