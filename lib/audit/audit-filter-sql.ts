// The audit trail's filters as one SQL condition, shared by the audit page and the export, so what a
// change manager sees is exactly what they download. Service and team filters are derived: an event
// belongs to a service when its entity is the service or something that carries the service's id.
import { Prisma } from "../generated/prisma/client.ts";

export type AuditFilterValues = {
  entityType?: string;
  entityId?: string;
  /** Matches the actor's label (name, email or token name), case-insensitively. */
  actor?: string;
  /** An action or an action prefix ("deployment." matches every deployment action). */
  action?: string;
  /** A service slug or a team slug. */
  service?: string;
  /** A service by id (a service's token is held to its own service this way). */
  serviceId?: string;
  team?: string;
  from?: Date;
  to?: Date;
};

const likeEscape = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Entities that carry a service id. A new area whose audited entity belongs to a service (change
 * requests, say) adds one line here and the service and team filters cover it.
 */
function serviceEntities(serviceIds: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    (e."entityType" = 'Service' AND e."entityId" IN (${serviceIds}))
    OR (e."entityType" = 'Deployment' AND e."entityId" IN (SELECT id FROM "Deployment" WHERE "serviceId" IN (${serviceIds})))
    OR (e."entityType" = 'ApiToken' AND e."entityId" IN (SELECT id FROM "ApiToken" WHERE "serviceId" IN (${serviceIds})))
    OR (e."entityType" = 'Runbook' AND e."entityId" IN (SELECT id FROM "Runbook" WHERE "serviceId" IN (${serviceIds})))
    OR (e."entityType" = 'ServiceLink' AND e."entityId" IN (SELECT id FROM "ServiceLink" WHERE "serviceId" IN (${serviceIds})))`;
}

/** Everything a team owns: the team, its memberships, schedule and pay policy, and its services' entities. */
function teamEntities(teamSlug: string): Prisma.Sql {
  const teamId = Prisma.sql`(SELECT id FROM "Team" WHERE slug = ${teamSlug})`;
  return Prisma.sql`
    (e."entityType" IN ('Team', 'OnCallPayPolicy') AND e."entityId" = ${teamId})
    OR (e."entityType" = 'TeamMembership' AND e."entityId" LIKE ${teamId} || ':%')
    OR (e."entityType" = 'OnCallSchedule' AND e."entityId" IN (SELECT id FROM "OnCallSchedule" WHERE "teamId" = ${teamId}))
    OR ${serviceEntities(Prisma.sql`SELECT id FROM "Service" WHERE "teamId" = ${teamId}`)}`;
}

/** `to` is inclusive on the page (a minute the person picked) and exclusive in the export ([from, to)). */
export function auditWhere(filters: AuditFilterValues, options: { toInclusive: boolean }): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.entityType) conditions.push(Prisma.sql`e."entityType" = ${filters.entityType}`);
  if (filters.entityId) conditions.push(Prisma.sql`e."entityId" = ${filters.entityId}`);
  if (filters.action) conditions.push(Prisma.sql`e.action LIKE ${`${likeEscape(filters.action)}%`}`);
  if (filters.actor) conditions.push(Prisma.sql`e."actorLabel" ILIKE ${`%${likeEscape(filters.actor)}%`}`);
  if (filters.from) conditions.push(Prisma.sql`e."occurredAt" >= ${filters.from}`);
  if (filters.to) conditions.push(options.toInclusive ? Prisma.sql`e."occurredAt" <= ${filters.to}` : Prisma.sql`e."occurredAt" < ${filters.to}`);
  if (filters.service) conditions.push(Prisma.sql`(${serviceEntities(Prisma.sql`SELECT id FROM "Service" WHERE slug = ${filters.service}`)})`);
  if (filters.serviceId) conditions.push(Prisma.sql`(${serviceEntities(Prisma.sql`SELECT ${filters.serviceId}::text`)})`);
  if (filters.team) conditions.push(Prisma.sql`(${teamEntities(filters.team)})`);
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}
