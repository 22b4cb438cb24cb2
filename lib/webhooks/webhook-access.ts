// Who may manage a webhook: the organisation's are the admin's (and the operator's); a team's also
// belong to the team's leads. The scope is looked up here and decided by the one authorize.
import type { Actor } from "../auth/actor";
import { authorize, can } from "../authz/can";
import type { DbTx } from "../db";
import { AppError, notFound } from "../errors";

export type WebhookScope = { teamId: string; teamSlug: string; teamName: string } | { teamId: null };

async function leads(tx: DbTx, actor: Actor, teamId: string): Promise<boolean> {
  if (actor.kind !== "PERSON") return false;
  const membership = await tx.teamMembership.findUnique({ where: { teamId_personId: { teamId, personId: actor.id } }, select: { isLead: true } });
  return membership?.isLead === true;
}

export async function scopeContext(tx: DbTx, actor: Actor, teamId: string | null) {
  return teamId ? { teamId, isTeamLead: await leads(tx, actor, teamId) } : {};
}

export async function authorizeScope(tx: DbTx, actor: Actor, teamId: string | null): Promise<void> {
  authorize(actor, "webhooks.manage", await scopeContext(tx, actor, teamId));
}

export async function canManageScope(tx: DbTx, actor: Actor, teamId: string | null): Promise<boolean> {
  return can(actor, "webhooks.manage", await scopeContext(tx, actor, teamId));
}

/** The scope named by a team slug (null: the organisation), checked for the actor. */
export async function resolveScope(tx: DbTx, actor: Actor, teamSlug: string | null, field = "team"): Promise<WebhookScope> {
  if (teamSlug === null) {
    await authorizeScope(tx, actor, null);
    return { teamId: null };
  }
  const team = await tx.team.findUnique({ where: { slug: teamSlug }, select: { id: true, slug: true, name: true } });
  if (!team) {
    // Something that does not exist is answered as the organisation's would be: admins and the
    // operator learn it is missing, everyone else is refused (and learns nothing).
    authorize(actor, "webhooks.manage");
    throw AppError.validation({ [field]: [`No team has the slug "${teamSlug}".`] });
  }
  await authorizeScope(tx, actor, team.id);
  return { teamId: team.id, teamSlug: team.slug, teamName: team.name };
}

/** A webhook the actor may manage, or the error that says why not. */
export async function loadWebhookToManage(tx: DbTx, actor: Actor, webhookId: string) {
  const webhook = await tx.webhook.findFirst({
    where: { id: webhookId, removedAt: null },
    select: { id: true, teamId: true, url: true, format: true, events: true, enabled: true, description: true, team: { select: { slug: true, name: true } } },
  });
  if (!webhook) {
    authorize(actor, "webhooks.manage"); // as for a missing team, above
    throw notFound("The webhook");
  }
  await authorizeScope(tx, actor, webhook.teamId);
  return webhook;
}
