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
  service: { select: { id: true, slug: true, name: true, teamId: true, tier: true, team: { select: { domainId: true } } } },
  requester: { select: { id: true, name: true } },
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

/** The change as domain events name it (lib/events/catalogue.ts). */
export function changeEventRefs(change: Awaited<ReturnType<typeof loadChange>>) {
  return {
    subject: { entityType: "ChangeRequest", entityId: change.id, serviceId: change.service.id, teamId: change.service.teamId },
    change: { id: change.id, number: change.number, title: change.summary, type: change.type },
    service: { id: change.service.id, slug: change.service.slug, name: change.service.name },
    requester: change.requester ? { id: change.requester.id, name: change.requester.name } : null,
    href: `/changes/${change.id}`,
  };
}
