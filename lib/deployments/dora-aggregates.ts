// DORA aggregates of a period, computed in SQL from the production deployments that ended in it, so
// the result equals doraMetrics over the same deployments (dora-aggregates.test.ts compares them).
// The read is an index-only scan of rw_manual_deployment_dora (migration 20261127040000). Medians and
// p90 are percentile_cont, the interpolation dora.ts uses; time to restore walks the finished
// deployments in (end, start) order, as timesToRestore does, unless the scope has incidents in the
// period: then it is their impact windows' (incidentRestores). A deployment an incident names as its
// cause is a failure. Running deployments (STARTED) count in
// none of the four keys, so they are left out.
import type { Db } from "../db";
import { EMPTY_AGGREGATE, type DoraAggregate, type Period } from "./dora";

export type DoraAggregates = {
  overall: DoraAggregate;
  byService: Map<string, DoraAggregate>;
  /** Per week (Monday, YYYY-MM-DD): went live, failures, lead-time median. */
  byWeek: Map<string, { live: number; failures: number; leadTimeMedianMs: number | null }>;
};

type CountRow = { svc: string | null; week: string | null; g: number; live: number; finished: number; failures: number; median: number | null; p90: number | null };
type RestoreRow = { svc: string | null; median: number | null; unrestored: number };

/** `serviceIds` null: every service (the organisation, archived services included, as in dora.ts's reference). */
export async function doraAggregates(prisma: Db, serviceIds: string[] | null, period: Period): Promise<DoraAggregates> {
  const ids = serviceIds;
  const [row] = await prisma.$transaction(async (tx) => {
    // Sorting a large organisation's quarter (about 80,000 rows) spills to disk at the default 4 MB.
    await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
    return tx.$queryRaw<{ counts: CountRow[] | null; restore: RestoreRow[] | null; incidents: RestoreRow[] | null }[]>`
    -- Deployments an incident names as its cause: few, read by primary key, and matched below on columns
    -- the DORA index carries (service, start, finish), so the scan of deployments stays index-only.
    WITH caused AS MATERIALIZED (
      SELECT DISTINCT c."serviceId" AS svc, c."startedAt" AS s, c."finishedAt" AS fin
        FROM "Incident" i JOIN "Deployment" c ON c.id = i."causeDeploymentId"
       WHERE i."causeDeploymentId" IS NOT NULL AND c."finishedAt" IS NOT NULL
    ),
    d AS MATERIALIZED (
      SELECT d."serviceId" AS svc, COALESCE(d."finishedAt", d."startedAt") AS e, d."startedAt" AS s,
             (d.status IN ('FAILED', 'ROLLED_BACK') OR (d."serviceId", d."startedAt", d."finishedAt") IN (SELECT svc, s, fin FROM caused)) AS f,
             d.status IN ('SUCCEEDED', 'ROLLED_BACK') AS live,
             CASE WHEN d.status IN ('SUCCEEDED', 'ROLLED_BACK') AND d."finishedAt" IS NOT NULL AND d."firstCommitAt" IS NOT NULL
                  THEN GREATEST(0, extract(epoch FROM d."finishedAt" - d."firstCommitAt") * 1000)::float8 END AS lead
        FROM "Deployment" d
       WHERE d."environmentId" IN (SELECT id FROM "Environment" WHERE "isProduction") AND d.status <> 'STARTED'
         AND COALESCE(d."finishedAt", d."startedAt") >= ${period.from} AND COALESCE(d."finishedAt", d."startedAt") < ${period.to}
         AND (${ids}::text[] IS NULL OR d."serviceId" = ANY(${ids}::text[]))
    ),
    counts AS (
      SELECT svc, week::text AS week, GROUPING(svc, week) AS g,
             count(*) FILTER (WHERE live)::int AS live, count(*)::int AS finished, count(*) FILTER (WHERE f)::int AS failures,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY lead) AS median, percentile_cont(0.9) WITHIN GROUP (ORDER BY lead) AS p90
        FROM (SELECT svc, date_trunc('week', e)::date AS week, live, f, lead FROM d) x
       GROUP BY GROUPING SETS ((svc), (week), ())
    ),
    -- A run starts where failing flips; a failing run is restored at the end of the next (healthy) run's first deployment.
    svc_runs AS (
      SELECT svc, e, f, lead(e) OVER (PARTITION BY svc ORDER BY e, s) AS next
        FROM (SELECT svc, e, s, f, lag(f) OVER (PARTITION BY svc ORDER BY e, s) AS prev FROM d) x
       WHERE prev IS DISTINCT FROM f
    ),
    all_runs AS (
      SELECT e, f, lead(e) OVER (ORDER BY e, s) AS next
        FROM (SELECT e, s, f, lag(f) OVER (ORDER BY e, s) AS prev FROM d) x
       WHERE prev IS DISTINCT FROM f
    ),
    -- Incidents affecting the scope's services, restored in the period or lost in it and still open (dora.ts incidentRestores):
    -- where a scope has any, its time to restore comes from them instead of the deployments.
    inc AS MATERIALIZED (
      SELECT si."serviceId" AS svc, i.id, i."availabilityLostAt" AS lost, i."availabilityRegainedAt" AS regained
        FROM "IncidentService" si JOIN "Incident" i ON i.id = si."incidentId"
       WHERE (${ids}::text[] IS NULL OR si."serviceId" = ANY(${ids}::text[]))
         AND ((i."availabilityRegainedAt" >= ${period.from} AND i."availabilityRegainedAt" < ${period.to})
              OR (i."availabilityRegainedAt" IS NULL AND i."availabilityLostAt" >= ${period.from} AND i."availabilityLostAt" < ${period.to}))
    ),
    inc_restore AS (
      SELECT svc, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM GREATEST(regained - lost, interval '0')) * 1000) FILTER (WHERE regained IS NOT NULL) AS median,
             count(*) FILTER (WHERE regained IS NULL)::int AS unrestored
        FROM inc GROUP BY svc
      UNION ALL
      SELECT NULL, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM GREATEST(regained - lost, interval '0')) * 1000) FILTER (WHERE regained IS NOT NULL),
             count(*) FILTER (WHERE regained IS NULL)::int
        FROM (SELECT DISTINCT id, lost, regained FROM inc) x HAVING count(*) > 0
    ),
    restore AS (
      SELECT svc, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM next - e) * 1000) FILTER (WHERE f AND next IS NOT NULL) AS median,
             count(*) FILTER (WHERE f AND next IS NULL)::int AS unrestored
        FROM svc_runs GROUP BY svc
      UNION ALL
      SELECT NULL, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM next - e) * 1000) FILTER (WHERE f AND next IS NOT NULL),
             count(*) FILTER (WHERE f AND next IS NULL)::int
        FROM all_runs
    )
    SELECT (SELECT json_agg(counts) FROM counts) AS counts, (SELECT json_agg(restore) FROM restore) AS restore,
           (SELECT json_agg(inc_restore) FROM inc_restore) AS incidents`;
  });
  // Incidents' restores replace the deployments' for every scope (service or overall) that has incidents.
  return assemble(row?.counts ?? [], [...(row?.restore ?? []), ...(row?.incidents ?? [])]);
}

// GROUPING(svc, week): 1 = per service, 2 = per week, 3 = the whole scope.
const PER_SERVICE = 1;
const PER_WEEK = 2;
const OVERALL = 3;

function assemble(counts: CountRow[], restore: RestoreRow[]): DoraAggregates {
  const overall = { ...EMPTY_AGGREGATE };
  const byService = new Map<string, DoraAggregate>();
  const byWeek: DoraAggregates["byWeek"] = new Map();
  const service = (id: string) => {
    let aggregate = byService.get(id);
    if (!aggregate) byService.set(id, (aggregate = { ...EMPTY_AGGREGATE }));
    return aggregate;
  };
  const week = (monday: string) => {
    let point = byWeek.get(monday);
    if (!point) byWeek.set(monday, (point = { live: 0, failures: 0, leadTimeMedianMs: null }));
    return point;
  };
  for (const c of counts) {
    const values = { live: c.live, finished: c.finished, failures: c.failures, leadTimeMedianMs: c.median, leadTimeP90Ms: c.p90 };
    if (c.g === OVERALL) Object.assign(overall, values);
    else if (c.g === PER_SERVICE) Object.assign(service(c.svc!), values);
    else if (c.g === PER_WEEK) Object.assign(week(c.week!), { live: c.live, failures: c.failures, leadTimeMedianMs: c.median });
  }
  for (const r of restore) {
    const values = { timeToRestoreMedianMs: r.median, unrestored: r.unrestored };
    Object.assign(r.svc === null ? overall : service(r.svc), values);
  }
  return { overall, byService, byWeek };
}
