// Every entity type the audit trail records, and the services and team it belongs to. The audit page's
// service and team filters, and a service token's export, are derived from this one registry: an area
// that audits a new entity type adds it here (recordAuditEvent only takes registered types, and
// audited-entities.test.ts scans the SQL that writes events directly), or its events silently drop out
// of every per-service view, as change management's once did.
import { Prisma } from "../generated/prisma/client.ts";

type Sql = Prisma.Sql;

export type EntityBelonging = {
  /** The event's entity belongs to one of `serviceIds` (an SQL subquery of service ids). */
  service: ((serviceIds: Sql) => Sql) | null;
  /** Team-level entities that belong to no one service: the event's entity belongs to team `teamId`. */
  team?: (teamId: Sql) => Sql;
};

const byColumn = (table: string, column = "serviceId") => (serviceIds: Sql) =>
  Prisma.sql`e."entityId" IN (SELECT id FROM ${Prisma.raw(`"${table}"`)} WHERE ${Prisma.raw(`"${column}"`)} IN (${serviceIds}))`;

/** Schedules that cover the services: their team's own schedule, or the schedule of their team's domain. */
const schedulesOf = (serviceIds: Sql) => Prisma.sql`
  SELECT sc.id FROM "OnCallSchedule" sc
    JOIN "Team" t ON t.id = sc."teamId" OR (sc."domainId" IS NOT NULL AND t."domainId" = sc."domainId")
   WHERE t.id IN (SELECT "teamId" FROM "Service" WHERE id IN (${serviceIds}))`;

const bySchedule = (table: string) => (serviceIds: Sql) =>
  Prisma.sql`e."entityId" IN (SELECT id FROM ${Prisma.raw(`"${table}"`)} WHERE "scheduleId" IN (${schedulesOf(serviceIds)}))`;

export const AUDITED_ENTITIES = {
  // The catalogue
  Service: { service: (serviceIds) => Prisma.sql`e."entityId" IN (${serviceIds})` },
  ServiceLink: { service: byColumn("ServiceLink") },
  ApiToken: { service: byColumn("ApiToken") },
  Team: { service: null, team: (teamId) => Prisma.sql`e."entityId" = ${teamId}` },
  // Memberships are audited as "<teamId>:<personId>".
  TeamMembership: { service: null, team: (teamId) => Prisma.sql`e."entityId" LIKE ${teamId} || ':%'` },
  Person: { service: null },
  // A failed background job an admin sent round again (lib/jobs/failed-jobs.ts): "<queue>:<job id>".
  Job: { service: null },
  // Outgoing webhooks (lib/webhooks/): a team's belong to the team; the organisation's to no one.
  Webhook: { service: null, team: (teamId) => Prisma.sql`e."entityId" IN (SELECT id FROM "Webhook" WHERE "teamId" = ${teamId})` },
  Domain: { service: null },
  ExposureBand: { service: null },
  Environment: { service: null },
  // Runbooks
  Runbook: { service: byColumn("Runbook") },
  RunbookTemplate: { service: null },
  // Deployments
  Deployment: { service: byColumn("Deployment") },
  // Change management: requests (votes, approvals and comments are events of the request), the gate,
  // standard-change patterns that name the service or its team, freezes of the service, its team or its
  // domain, the service's required checks and those of patterns that name it. Organisation-wide freezes and checks concern every service
  // alike; they are in the unfiltered trail, not repeated in each service's view.
  ChangeRequest: { service: byColumn("ChangeRequest") },
  GateDecision: { service: byColumn("GateDecision") },
  DeploymentPattern: {
    service: (serviceIds) => Prisma.sql`e."entityId" IN (
      SELECT p.id FROM "DeploymentPattern" p, "Service" s
       WHERE s.id IN (${serviceIds}) AND (s.id = ANY(p."serviceIds") OR s."teamId" = ANY(p."teamIds")))`,
  },
  FreezeWindow: {
    service: (serviceIds) => Prisma.sql`e."entityId" IN (
      SELECT f.id FROM "FreezeWindow" f, "Service" s JOIN "Team" t ON t.id = s."teamId"
       WHERE s.id IN (${serviceIds})
         AND (f."serviceId" = s.id OR f."teamId" = s."teamId" OR (f."domainId" IS NOT NULL AND f."domainId" = t."domainId")))`,
    team: (teamId) => Prisma.sql`e."entityId" IN (SELECT id FROM "FreezeWindow" WHERE "teamId" = ${teamId})`,
  },
  RequiredHealthCheck: {
    service: (serviceIds) => Prisma.sql`e."entityId" IN (
      SELECT c.id FROM "RequiredHealthCheck" c WHERE c."serviceId" IN (${serviceIds})
         OR c."patternId" IN (SELECT p.id FROM "DeploymentPattern" p, "Service" s
                               WHERE s.id IN (${serviceIds}) AND (s.id = ANY(p."serviceIds") OR s."teamId" = ANY(p."teamIds"))))`,
  },
  CabSettings: { service: null },
  // Incidents belong to every service they affect, and to the team responding.
  Incident: {
    service: (serviceIds) => Prisma.sql`e."entityId" IN (SELECT "incidentId" FROM "IncidentService" WHERE "serviceId" IN (${serviceIds}))`,
    team: (teamId) => Prisma.sql`e."entityId" IN (SELECT id FROM "Incident" WHERE "teamId" = ${teamId})`,
  },
  // Post-incident reviews (lib/reviews/) belong to the service they review and to the owning team.
  PostIncidentReview: { service: byColumn("PostIncidentReview"), team: (teamId) => Prisma.sql`e."entityId" IN (SELECT id FROM "PostIncidentReview" WHERE "teamId" = ${teamId})` },
  // The organisation's currency (lib/settings/).
  OrganisationSettings: { service: null },
  // Reliability (lib/reliability/): a product manager's exception to the error-budget policy for a service.
  ErrorBudgetException: { service: byColumn("ErrorBudgetException") },
  // On-call: the schedules that cover the service, and their overrides, requests and feeds.
  OnCallSchedule: {
    service: (serviceIds) => Prisma.sql`e."entityId" IN (${schedulesOf(serviceIds)})`,
    team: (teamId) => Prisma.sql`e."entityId" IN (SELECT id FROM "OnCallSchedule" WHERE "teamId" = ${teamId})`,
  },
  OnCallOverride: { service: bySchedule("OnCallOverride") },
  OnCallRequest: { service: bySchedule("OnCallRequest") },
  OnCallFeed: { service: bySchedule("OnCallFeed") },
  OnCallPayPolicy: { service: null, team: (teamId) => Prisma.sql`e."entityId" = ${teamId}` },
  // A person's leave, and the organisation's holiday calendars, belong to no service.
  OnCallLeave: { service: null },
  HolidayCalendar: { service: null },
  Holiday: { service: null },
  // Outcome hypotheses (lib/hypotheses/) belong to their service.
  Hypothesis: { service: byColumn("Hypothesis") },
  // A team's backlog (lib/backlog/): an item belongs to its team, and to the service it is linked to.
  BacklogItem: {
    service: byColumn("BacklogItem"),
    team: (teamId) => Prisma.sql`e."entityId" IN (SELECT id FROM "BacklogItem" WHERE "teamId" = ${teamId})`,
  },
} as const satisfies Record<string, EntityBelonging>;

export type AuditedEntityType = keyof typeof AUDITED_ENTITIES;

export const AUDITED_ENTITY_TYPES = Object.keys(AUDITED_ENTITIES) as AuditedEntityType[];

const entries = Object.entries(AUDITED_ENTITIES) as [AuditedEntityType, EntityBelonging][];

/** Events whose entity belongs to one of `serviceIds`. */
export function belongsToServices(serviceIds: Sql): Sql {
  const parts = entries.flatMap(([type, belonging]) => (belonging.service ? [Prisma.sql`(e."entityType" = ${type} AND ${belonging.service(serviceIds)})`] : []));
  return Prisma.join(parts, " OR ");
}

/** Events whose entity belongs to the team: its own entities, and everything of its services. */
export function belongsToTeam(teamSlug: string): Sql {
  const teamId = Prisma.sql`(SELECT id FROM "Team" WHERE slug = ${teamSlug})`;
  const own = entries.flatMap(([type, belonging]) => (belonging.team ? [Prisma.sql`(e."entityType" = ${type} AND ${belonging.team(teamId)})`] : []));
  return Prisma.join([...own, belongsToServices(Prisma.sql`SELECT id FROM "Service" WHERE "teamId" = ${teamId}`)], " OR ");
}
