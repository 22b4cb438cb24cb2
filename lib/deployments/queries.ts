// Reads for deployments: history with filters, one deployment, and what runs where now.
import type { Prisma } from "../generated/prisma/client.ts";
import type { DeploymentStatus, DeploymentTarget, HealthCheckStatus } from "../generated/prisma/enums.ts";
import { preparedStatement, runPrepared, type Db } from "../db";
import { leadTimeMs, type DoraDeployment, type Period } from "./dora";

export type DeploymentFilters = {
  service?: string;
  team?: string;
  environment?: string;
  status?: DeploymentStatus;
  from?: Date;
  to?: Date;
  limit?: number;
  /** Restricts to one service id (a service token sees only its own service). */
  serviceId?: string;
  /** Keyset paging: only deployments after this one in the newest-first (startedAt, id) order. */
  olderThan?: { at: Date; id: string };
};

export type DeploymentListItem = {
  id: string;
  service: { slug: string; name: string; team: { slug: string; name: string } };
  environment: { slug: string; name: string; isProduction: boolean };
  version: string;
  externalId: string;
  status: DeploymentStatus;
  startedAt: Date;
  finishedAt: Date | null;
  deployer: string | null;
  pipelineUrl: string | null;
  isRollback: boolean;
  replacesId: string | null;
  firstCommitAt: Date | null;
};

const listSelect = {
  id: true, version: true, externalId: true, status: true, startedAt: true, finishedAt: true, deployer: true,
  pipelineUrl: true, isRollback: true, replacesId: true, firstCommitAt: true,
  service: { select: { slug: true, name: true, team: { select: { slug: true, name: true } } } },
  environment: { select: { slug: true, name: true, isProduction: true } },
} satisfies Prisma.DeploymentSelect;

export async function listDeployments(prisma: Db, filters: DeploymentFilters = {}): Promise<DeploymentListItem[]> {
  const where: Prisma.DeploymentWhereInput = {};
  if (filters.serviceId) where.serviceId = filters.serviceId;
  if (filters.service) where.service = { slug: filters.service };
  if (filters.team) where.service = { ...(where.service as object), team: { slug: filters.team } };
  if (filters.environment) where.environment = { slug: filters.environment };
  if (filters.status) where.status = filters.status;
  if (filters.from || filters.to) where.startedAt = { gte: filters.from, lt: filters.to };
  // The next page: strictly older than the last row shown, in the (startedAt, id) order.
  const older = filters.olderThan ? { OR: [{ startedAt: { lt: filters.olderThan.at } }, { startedAt: filters.olderThan.at, id: { lt: filters.olderThan.id } }] } : null;
  return prisma.deployment.findMany({
    where: older ? { AND: [where, older] } : where,
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: filters.limit ?? 50,
    select: listSelect,
  });
}

export type DeploymentDetail = DeploymentListItem & {
  service: DeploymentListItem["service"] & { id: string; deploymentTarget: string };
  commits: { sha: string; committedAt: Date; message: string | null; author: string | null }[];
  healthChecks: { id: string; name: string; status: HealthCheckStatus; details: string | null; checkedAt: Date }[];
  replaces: { id: string; version: string } | null;
  replacedBy: { id: string; version: string; isRollback: boolean }[];
  leadTimeMs: number | null;
};

export async function getDeployment(prisma: Db, id: string): Promise<DeploymentDetail | null> {
  const row = await prisma.deployment.findUnique({
    where: { id },
    select: {
      ...listSelect,
      service: { select: { id: true, slug: true, name: true, deploymentTarget: true, team: { select: { slug: true, name: true } } } },
      commits: { orderBy: { committedAt: "asc" }, take: 200, select: { sha: true, committedAt: true, message: true, author: true } },
      healthChecks: { orderBy: { checkedAt: "asc" }, take: 200, select: { id: true, name: true, status: true, details: true, checkedAt: true } },
      replaces: { select: { id: true, version: true } },
      replacedBy: { orderBy: { startedAt: "asc" }, take: 10, select: { id: true, version: true, isRollback: true } },
    },
  });
  if (!row) return null;
  return { ...row, leadTimeMs: leadTimeMs(row) };
}

export type EnvironmentCell = { deploymentId: string; version: string; since: Date | null; status: DeploymentStatus };
export type EnvironmentMatrix = {
  environments: { id: string; slug: string; name: string; isProduction: boolean }[];
  page: { number: number; size: number; total: number };
  rows: { service: { id: string; slug: string; name: string; team: { slug: string; name: string } }; cells: Record<string, EnvironmentCell | null> }[];
};

export const MATRIX_PAGE_SIZE = 50;

/**
 * What runs where now, a page at a time (services by team and name): the latest successful
 * deployment per service and environment, one index probe each.
 */
export async function environmentMatrix(prisma: Db, filters: { team?: string; service?: string; page?: number } = {}): Promise<EnvironmentMatrix> {
  const where: Prisma.ServiceWhereInput = { archivedAt: null, ...(filters.team ? { team: { slug: filters.team } } : {}), ...(filters.service ? { slug: filters.service } : {}) };
  const page = Math.max(1, filters.page ?? 1);
  const [environments, total, services] = await Promise.all([
    prisma.environment.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, slug: true, name: true, isProduction: true } }),
    prisma.service.count({ where }),
    prisma.service.findMany({
      where,
      orderBy: [{ team: { name: "asc" } }, { name: "asc" }],
      skip: (page - 1) * MATRIX_PAGE_SIZE,
      take: MATRIX_PAGE_SIZE,
      select: { id: true, slug: true, name: true, team: { select: { slug: true, name: true } } },
    }),
  ]);
  const cells = services.length
    ? await prisma.$queryRaw<{ serviceId: string; environmentId: string; id: string; version: string; finishedAt: Date | null; status: DeploymentStatus }[]>`
        SELECT s.id AS "serviceId", e.id AS "environmentId", d.id, d.version, d."finishedAt", d.status
          FROM unnest(${services.map((service) => service.id)}::text[]) AS s(id)
         CROSS JOIN "Environment" e
         CROSS JOIN LATERAL (
           -- Successes always have finishedAt: DESC (nulls first) walks the index backwards without a sort.
           SELECT id, version, "finishedAt", status FROM "Deployment"
            WHERE "serviceId" = s.id AND "environmentId" = e.id AND status = 'SUCCEEDED' AND "finishedAt" IS NOT NULL
            ORDER BY "finishedAt" DESC LIMIT 1
         ) d`
    : [];
  const byKey = new Map(cells.map((cell) => [`${cell.serviceId}:${cell.environmentId}`, cell]));
  return {
    environments,
    page: { number: page, size: MATRIX_PAGE_SIZE, total },
    rows: services.map((service) => ({
      service,
      cells: Object.fromEntries(
        environments.map((environment) => {
          const cell = byKey.get(`${service.id}:${environment.id}`);
          return [environment.slug, cell ? { deploymentId: cell.id, version: cell.version, since: cell.finishedAt, status: cell.status } : null];
        }),
      ),
    })),
  };
}

/** The API's view of a deployment: slugs and lower-case statuses, as pipelines send them. */
export function deploymentDto(deployment: DeploymentListItem) {
  return {
    id: deployment.id,
    service: deployment.service.slug,
    environment: deployment.environment.slug,
    version: deployment.version,
    externalId: deployment.externalId,
    status: deployment.status.toLowerCase(),
    startedAt: deployment.startedAt.toISOString(),
    finishedAt: deployment.finishedAt?.toISOString() ?? null,
    deployer: deployment.deployer,
    pipelineUrl: deployment.pipelineUrl,
    isRollback: deployment.isRollback,
    replacesId: deployment.replacesId,
  };
}

export type MetricsScope =
  | { kind: "organisation" }
  | { kind: "domain"; slug: string }
  | { kind: "team"; slug: string }
  | { kind: "service"; slug: string };

export type ScopedDeployments = {
  label: string;
  services: { id: string; slug: string; name: string; deploymentTarget: DeploymentTarget; team: { slug: string; name: string } }[];
  /** Production deployments that ended in the period (or are still running), oldest first. */
  deployments: (DoraDeployment & { serviceId: string })[];
};

export type ScopeServices = Omit<ScopedDeployments, "deployments">;

/** The services of a metrics scope (archived ones only when the scope is that service) and its label. */
export async function servicesOfScope(prisma: Db, scope: MetricsScope): Promise<ScopeServices | null> {
  // Raw SQL: the organisation lists every service (2,000 in the benchmark), and the ORM's nested
  // team select costs more than the query.
  const slug = scope.kind === "organisation" ? null : scope.slug;
  const [rows, label] = await Promise.all([
    prisma.$queryRaw<{ id: string; slug: string; name: string; deploymentTarget: DeploymentTarget; teamSlug: string; teamName: string }[]>`
      SELECT s.id, s.slug, s.name, s."deploymentTarget"::text AS "deploymentTarget", t.slug AS "teamSlug", t.name AS "teamName"
        FROM "Service" s JOIN "Team" t ON t.id = s."teamId"
        LEFT JOIN "Domain" d ON d.id = t."domainId"
       WHERE CASE ${scope.kind}::text
               WHEN 'service' THEN s.slug = ${slug}::text
               WHEN 'team' THEN t.slug = ${slug}::text AND s."archivedAt" IS NULL
               WHEN 'domain' THEN d.slug = ${slug}::text AND s."archivedAt" IS NULL
               ELSE s."archivedAt" IS NULL
             END
       ORDER BY s.name`,
    scopeLabel(prisma, scope),
  ]);
  if (label === null) return null;
  const services = rows.map((row) => ({
    id: row.id, slug: row.slug, name: row.name, deploymentTarget: row.deploymentTarget, team: { slug: row.teamSlug, name: row.teamName },
  }));
  return { label, services };
}

/**
 * Production deployments of a scope over a period, row by row, with only the columns DORA needs.
 * The pages read the daily rollup instead (dora-rollup.ts); this is its reference in the tests.
 */
export async function deploymentsForMetrics(prisma: Db, scope: MetricsScope, period: Period): Promise<ScopedDeployments | null> {
  const scoped = await servicesOfScope(prisma, scope);
  if (!scoped) return null;
  const { label, services } = scoped;
  // Raw SQL: the organisation scope reads tens of thousands of rows, and mapping them through the ORM
  // costs more than the query. The startedAt bound lets the (environmentId, startedAt) index do the work;
  // a deployment counts in the period it ended in.
  const ids = scope.kind === "organisation" ? null : services.map((service) => service.id);
  const rows = services.length
    ? await prisma.$queryRaw<(DoraDeployment & { serviceId: string })[]>`
        SELECT d."serviceId", d.status::text AS status, d."startedAt", d."finishedAt", d."firstCommitAt",
               EXISTS (SELECT 1 FROM "Incident" i WHERE i."causeDeploymentId" = d.id) AS "causedIncident"
          FROM "Deployment" d JOIN "Environment" e ON e.id = d."environmentId" AND e."isProduction"
         WHERE d."startedAt" >= ${new Date(period.from.getTime() - 2 * 86_400_000)} AND d."startedAt" < ${period.to}
           AND COALESCE(d."finishedAt", d."startedAt") >= ${period.from} AND COALESCE(d."finishedAt", d."startedAt") < ${period.to}
           AND (${ids}::text[] IS NULL OR d."serviceId" = ANY(${ids}::text[]))
         ORDER BY d."startedAt"`
    : [];
  return { label, services, deployments: rows };
}

/**
 * Incidents affecting the services (null: every service) that DORA's time to restore counts in the
 * period: restored inside it, or lost inside it and still open. Per service, an incident
 * affecting two services is in both lists.
 */
export async function incidentsForMetrics(prisma: Db, serviceIds: string[] | null, period: Period): Promise<{ id: string; serviceId: string; lostAt: Date; regainedAt: Date | null }[]> {
  return prisma.$queryRaw<{ id: string; serviceId: string; lostAt: Date; regainedAt: Date | null }[]>`
    SELECT i.id, si."serviceId", i."availabilityLostAt" AS "lostAt", i."availabilityRegainedAt" AS "regainedAt"
      FROM "IncidentService" si JOIN "Incident" i ON i.id = si."incidentId"
     WHERE (${serviceIds}::text[] IS NULL OR si."serviceId" = ANY(${serviceIds}::text[]))
       AND ((i."availabilityRegainedAt" >= ${period.from} AND i."availabilityRegainedAt" < ${period.to})
            OR (i."availabilityRegainedAt" IS NULL AND i."availabilityLostAt" >= ${period.from} AND i."availabilityLostAt" < ${period.to}))`;
}

async function scopeLabel(prisma: Db, scope: MetricsScope): Promise<string | null> {
  switch (scope.kind) {
    case "organisation":
      return "The organisation";
    case "domain":
      return (await prisma.domain.findUnique({ where: { slug: scope.slug }, select: { name: true } }))?.name.concat(" domain") ?? null;
    case "team":
      return (await prisma.team.findUnique({ where: { slug: scope.slug }, select: { name: true } }))?.name.concat(" team") ?? null;
    case "service":
      return (await prisma.service.findUnique({ where: { slug: scope.slug }, select: { name: true } }))?.name ?? null;
  }
}

/** Options for the history and metrics filters. */
/** Up to this many services, filter forms list them all; beyond it, those of the chosen team or domain. */
export const SERVICE_OPTIONS_LIMIT = 200;

/**
 * Options for the deployments pages' filter forms. A large organisation's 2,000 services would make
 * every page carry a 2,000-option select twice (HTML and React payload, ~300 KB): then the service
 * options are the chosen team's (or the chosen service's team's, or a small domain's), and
 * `servicesNarrowed` tells the form to ask for a team first.
 */
export async function deploymentFilterOptions(prisma: Db, chosen: { team?: string; domain?: string; service?: string } = {}, limit = SERVICE_OPTIONS_LIMIT) {
  type Option = { slug: string; name: string };
  // One prepared statement instead of five ORM reads: every deployments page view runs it.
  const [row] = await runPrepared<{ serviceCount: number; teams: Option[]; domains: Option[]; environments: Option[]; services: Option[] | null }>(prisma, preparedStatement("deployment-filter-options", (p) => `
    WITH counted AS (SELECT count(*)::int AS n FROM "Service" WHERE "archivedAt" IS NULL),
         chosen_team AS (
           SELECT t.id FROM "Team" t WHERE t.slug = ${p(chosen.team ?? null)}::text
           UNION ALL SELECT s."teamId" FROM "Service" s WHERE ${p(chosen.team ?? null)}::text IS NULL AND s.slug = ${p(chosen.service ?? null)}::text)
    SELECT (SELECT n FROM counted) AS "serviceCount",
           (SELECT COALESCE(json_agg(json_build_object('slug', slug, 'name', name) ORDER BY name), '[]') FROM "Team") AS teams,
           (SELECT COALESCE(json_agg(json_build_object('slug', slug, 'name', name) ORDER BY name), '[]') FROM "Domain") AS domains,
           (SELECT COALESCE(json_agg(json_build_object('slug', slug, 'name', name) ORDER BY position, name), '[]') FROM "Environment") AS environments,
           (SELECT json_agg(json_build_object('slug', x.slug, 'name', x.name) ORDER BY x.name) FROM (
              SELECT s.slug, s.name FROM "Service" s JOIN "Team" t ON t.id = s."teamId" LEFT JOIN "Domain" d ON d.id = t."domainId"
               WHERE s."archivedAt" IS NULL
                 AND ((SELECT n FROM counted) <= ${p(limit)}::int
                      OR s."teamId" IN (SELECT id FROM chosen_team)
                      OR (NOT EXISTS (SELECT 1 FROM chosen_team) AND d.slug = ${p(chosen.domain ?? null)}::text))
               ORDER BY s.name LIMIT ${p(limit)}::int) x) AS services`));
  const narrowed = (row?.serviceCount ?? 0) > limit;
  return { services: row?.services ?? [], servicesNarrowed: narrowed, teams: row?.teams ?? [], domains: row?.domains ?? [], environments: row?.environments ?? [] };
}

export type LastDeployment = { id: string; version: string; status: DeploymentStatus; environment: string; at: Date };

/**
 * The newest deployment of each live service of these teams, to any environment, as the pipeline last reported it. One index
 * probe per service and environment (serviceId, environmentId, startedAt desc), however long the
 * history: a nested `take: 1` through Prisma reads every deployment of the services and keeps one.
 */
export async function lastDeploymentsOfTeams(prisma: Db, teamIds: readonly string[]): Promise<Map<string, LastDeployment>> {
  if (teamIds.length === 0) return new Map();
  const rows = await prisma.$queryRaw<{ serviceId: string; id: string; version: string; status: DeploymentStatus; environment: string; startedAt: Date; finishedAt: Date | null }[]>`
    SELECT s.id AS "serviceId", last.id, last.version, last.status::text AS status, last.environment, last."startedAt", last."finishedAt"
      FROM "Service" s
      CROSS JOIN LATERAL (
        SELECT d.id, d.version, d.status, e.name AS environment, d."startedAt", d."finishedAt"
          FROM "Environment" e
          CROSS JOIN LATERAL (
            SELECT d.id, d.version, d.status, d."startedAt", d."finishedAt" FROM "Deployment" d
             WHERE d."serviceId" = s.id AND d."environmentId" = e.id
             ORDER BY d."startedAt" DESC LIMIT 1) d
         ORDER BY d."startedAt" DESC, d.id DESC LIMIT 1) last
     WHERE s."teamId" = ANY(${[...teamIds]}::text[]) AND s."archivedAt" IS NULL`;
  return new Map(rows.map((row) => [row.serviceId, { id: row.id, version: row.version, status: row.status, environment: row.environment, at: row.finishedAt ?? row.startedAt }]));
}
