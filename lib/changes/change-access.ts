// Loads a change with what authorisation needs (the owning team), or 404.
import type { DbTx } from "../db";
import { notFound } from "../errors";

export const changeAccessSelect = {
  id: true,
  number: true,
  type: true,
  state: true,
  version: true,
  summary: true,
  requesterId: true,
  plannedStart: true,
  commitShas: true,
  environmentId: true,
  reviewedAt: true,
  service: { select: { id: true, slug: true, teamId: true, tier: true, team: { select: { domainId: true } } } },
} as const;

export async function loadChange(tx: DbTx, changeId: string) {
  const change = await tx.changeRequest.findUnique({ where: { id: changeId }, select: changeAccessSelect });
  if (!change) throw notFound("The change request");
  return change;
}

export function serviceForRisk(change: Awaited<ReturnType<typeof loadChange>>) {
  const { id, slug, teamId, tier, team } = change.service;
  return { id, slug, teamId, tier, domainId: team.domainId };
}

/** Tells change managers, in-app. */
export async function notifyChangeManagers(tx: DbTx, message: { title: string; href: string; body?: string }, exceptPersonId?: string | null) {
  const managers = await tx.person.findMany({ where: { role: "CHANGE_MANAGER", deactivatedAt: null, ...(exceptPersonId ? { id: { not: exceptPersonId } } : {}) }, select: { id: true } });
  if (!managers.length) return;
  await tx.notification.createMany({
    data: managers.map((manager) => ({ id: crypto.randomUUID(), personId: manager.id, kind: "change", title: message.title, body: message.body ?? "", href: message.href })),
  });
}
