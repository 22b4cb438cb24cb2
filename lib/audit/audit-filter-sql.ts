// The audit trail's filters as one SQL condition, shared by the audit page and the export, so what a
// change manager sees is exactly what they download. Service and team filters are derived from the
// registry of audited entities (audited-entities.ts).
import { Prisma } from "../generated/prisma/client.ts";
import { belongsToServices, belongsToTeam } from "./audited-entities";

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

/** `to` is inclusive on the page (a minute the person picked) and exclusive in the export ([from, to)). */
export function auditWhere(filters: AuditFilterValues, options: { toInclusive: boolean }): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.entityType) conditions.push(Prisma.sql`e."entityType" = ${filters.entityType}`);
  if (filters.entityId) conditions.push(Prisma.sql`e."entityId" = ${filters.entityId}`);
  if (filters.action) conditions.push(Prisma.sql`e.action LIKE ${`${likeEscape(filters.action)}%`}`);
  if (filters.actor) conditions.push(Prisma.sql`e."actorLabel" ILIKE ${`%${likeEscape(filters.actor)}%`}`);
  if (filters.from) conditions.push(Prisma.sql`e."occurredAt" >= ${filters.from}`);
  if (filters.to) conditions.push(options.toInclusive ? Prisma.sql`e."occurredAt" <= ${filters.to}` : Prisma.sql`e."occurredAt" < ${filters.to}`);
  if (filters.service) conditions.push(Prisma.sql`(${belongsToServices(Prisma.sql`SELECT id FROM "Service" WHERE slug = ${filters.service}`)})`);
  if (filters.serviceId) conditions.push(Prisma.sql`(${belongsToServices(Prisma.sql`SELECT ${filters.serviceId}::text`)})`);
  if (filters.team) conditions.push(Prisma.sql`(${belongsToTeam(filters.team)})`);
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}
