// Who may change which backlog, and the lock that keeps one backlog's priority order consistent.
import type { Actor } from "../auth/actor";
import { authorize } from "../authz/can";
import type { DbTx } from "../db";
import { notFound } from "../errors";

export type BacklogTeam = { id: string; slug: string; name: string };

/** The team by slug, for an edit of its backlog: its members and admins only. */
export async function teamForBacklogEdit(tx: DbTx, actor: Actor, slug: string): Promise<BacklogTeam> {
  const team = await tx.team.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!team) throw notFound("The team");
  authorize(actor, "backlog.edit", { teamId: team.id });
  return team;
}

export const ITEM_EDIT_SELECT = {
  id: true, number: true, title: true, description: true, type: true, subtype: true, status: true, estimate: true, rank: true,
  ownerId: true, dueAt: true, labels: true, serviceId: true, incidentId: true, deploymentId: true, hypothesisId: true,
  startedAt: true, doneAt: true, teamId: true, team: { select: { id: true, slug: true, name: true } },
} as const;

/** The item, for an edit: the owning team's members and admins. Someone else's item is simply refused. */
export async function itemForBacklogEdit(tx: DbTx, actor: Actor, itemId: string) {
  const item = await tx.backlogItem.findUnique({ where: { id: itemId }, select: ITEM_EDIT_SELECT });
  if (!item) throw notFound("The backlog item");
  authorize(actor, "backlog.edit", { teamId: item.teamId });
  return item;
}

/**
 * Serialises every change of one team's priority order (reorders, new items at the top or bottom,
 * imports) for the rest of the transaction: each reads its neighbours' ranks after the previous one
 * committed, so two at once never compute the same key. An advisory lock, not a row lock on Team, so
 * that nothing else touching the team (memberships, services) waits for it.
 */
export async function lockBacklog(tx: DbTx, teamId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`backlog:${teamId}`}, 0))`;
}

/** "BL-12 'Add retries to payment client'": how sentences and notices name an item. */
export const itemName = (item: { number: number; title: string }) => `BL-${item.number} '${item.title}'`;
