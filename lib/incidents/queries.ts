// Reads for the incident pages: the list (open first, then the rest newest first by keyset), one
// incident with its timeline, people and suspects, and the open incidents of services and people.
import type { DbTx } from "../db";
import type { IncidentImpact, IncidentStatus, Prisma } from "../generated/prisma/client.ts";
import type { Cursor } from "../validation/keyset-cursor";
import { OPEN_STATUSES } from "./status-transitions";
import { suspectDeployments } from "./suspects";

export type IncidentFilters = {
  /** "open" (triggered, acknowledged, mitigated), "past" (resolved or closed), or one status. */
  status?: "open" | "past" | Lowercase<IncidentStatus>;
  impact?: IncidentImpact;
  team?: string;
  service?: string;
  q?: string;
};

const LIST_SELECT = {
  id: true, number: true, title: true, status: true, impact: true, source: true,
  triggeredAt: true, acknowledgedAt: true, resolvedAt: true, heldUntil: true,
  service: { select: { slug: true, name: true } },
  team: { select: { slug: true, name: true } },
  _count: { select: { services: true } },
} satisfies Prisma.IncidentSelect;

export type IncidentRow = Prisma.IncidentGetPayload<{ select: typeof LIST_SELECT }>;

function whereOf(filters: IncidentFilters): Prisma.IncidentWhereInput {
  const where: Prisma.IncidentWhereInput = {};
  if (filters.status === "open") where.status = { in: [...OPEN_STATUSES] };
  else if (filters.status === "past") where.status = { in: ["RESOLVED", "CLOSED"] };
  else if (filters.status) where.status = filters.status.toUpperCase() as IncidentStatus;
  if (filters.impact) where.impact = filters.impact;
  if (filters.team) where.team = { slug: filters.team };
  // A service's incidents are those that affect it, whoever responds.
  if (filters.service) where.services = { some: { service: { slug: filters.service } } };
  if (filters.q) {
    const number = /^(?:inc-)?(\d{1,9})$/i.exec(filters.q.trim());
    where.OR = [{ title: { contains: filters.q, mode: "insensitive" } }, ...(number ? [{ number: Number(number[1]) }] : [])];
  }
  return where;
}

/** Newest first from `olderThan` (exclusive), `limit` rows. */
export async function listIncidents(tx: DbTx, filters: IncidentFilters, page: { olderThan?: Cursor; limit: number }): Promise<IncidentRow[]> {
  const where = whereOf(filters);
  const keyset: Prisma.IncidentWhereInput | undefined = page.olderThan
    ? { OR: [{ triggeredAt: { lt: page.olderThan.at } }, { triggeredAt: page.olderThan.at, id: { lt: page.olderThan.id } }] }
    : undefined;
  return tx.incident.findMany({
    where: keyset ? { AND: [where, keyset] } : where,
    orderBy: [{ triggeredAt: "desc" }, { id: "desc" }],
    take: page.limit,
    select: LIST_SELECT,
  });
}

export async function countIncidents(tx: DbTx, filters: IncidentFilters): Promise<number> {
  return tx.incident.count({ where: whereOf(filters) });
}

/** Open incidents affecting any of `serviceIds` (a service page, a team's home), newest first. */
export async function openIncidentsOf(tx: DbTx, serviceIds: readonly string[], limit = 20): Promise<IncidentRow[]> {
  if (serviceIds.length === 0) return [];
  return tx.incident.findMany({
    where: { status: { in: [...OPEN_STATUSES] }, services: { some: { serviceId: { in: [...serviceIds] } } } },
    orderBy: [{ triggeredAt: "desc" }, { id: "desc" }],
    take: limit,
    select: LIST_SELECT,
  });
}

/** Open incidents a person was paged for and has not acknowledged, or responds to (the engineer's home). */
export async function openIncidentsForPerson(tx: DbTx, personId: string, teamIds: readonly string[], limit = 10) {
  return tx.incident.findMany({
    where: {
      status: { in: [...OPEN_STATUSES] },
      OR: [{ pages: { some: { personId } } }, { roles: { some: { personId } } }, ...(teamIds.length ? [{ teamId: { in: [...teamIds] } }] : [])],
    },
    orderBy: [{ triggeredAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { ...LIST_SELECT, pages: { where: { personId }, select: { level: true, pagedAt: true, acknowledgedAt: true, reason: true }, orderBy: { pagedAt: "desc" }, take: 1 } },
  });
}

export async function getIncident(tx: DbTx, id: string) {
  const incident = await tx.incident.findUnique({
    where: { id },
    select: {
      id: true, number: true, title: true, summary: true, status: true, impact: true, lossPerHour: true, source: true,
      externalId: true, dedupKey: true, triggeredAt: true, acknowledgedAt: true, mitigatedAt: true, resolvedAt: true, closedAt: true,
      availabilityLostAt: true, availabilityRegainedAt: true, heldUntil: true, causeDeploymentId: true,
      service: { select: { id: true, slug: true, name: true, teamId: true } },
      team: { select: { id: true, slug: true, name: true, chatChannel: true } },
      declaredBy: { select: { id: true, name: true } },
      services: { select: { service: { select: { id: true, slug: true, name: true, team: { select: { name: true } } } } }, orderBy: { createdAt: "asc" } },
      roles: { select: { role: true, assignedAt: true, person: { select: { id: true, name: true, email: true } } }, orderBy: { assignedAt: "asc" } },
      pages: {
        select: { id: true, level: true, reason: true, outOfHours: true, pagedAt: true, acknowledgedAt: true, person: { select: { id: true, name: true } }, team: { select: { name: true } } },
        orderBy: [{ pagedAt: "asc" }, { level: "asc" }],
        take: 100,
      },
      timeline: { select: { id: true, kind: true, message: true, actorLabel: true, url: true, occurredAt: true }, orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }], take: 500 },
      alerts: { select: { fingerprint: true, status: true, name: true, summary: true, severity: true, generatorUrl: true, startsAt: true, endsAt: true }, orderBy: { startsAt: "desc" }, take: 50 },
      _count: { select: { alerts: true, timeline: true } },
    },
  });
  if (!incident) return null;
  const suspects = await suspectDeployments(tx, { triggeredAt: incident.triggeredAt, serviceIds: incident.services.map((link) => link.service.id), causeDeploymentId: incident.causeDeploymentId });
  return { ...incident, suspects };
}

export type IncidentDetail = NonNullable<Awaited<ReturnType<typeof getIncident>>>;

/** People who can be given a role: active, by name (a short list for the picker). */
export async function rolePickerPeople(tx: DbTx) {
  return tx.person.findMany({ where: { deactivatedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true }, take: 500 });
}
