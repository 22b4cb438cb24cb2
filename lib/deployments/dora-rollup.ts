// DORA aggregates of a period from the daily rollup (DeploymentDayRollup, kept by triggers), computed
// in SQL: whole UTC days come from the rollup (a row per service-day), the partial days at either end
// of the period from the deployments themselves, so the result equals doraMetrics over the same
// deployments (lib/deployments/dora-rollup.test.ts compares them). Medians and p90 are
// percentile_cont, the interpolation dora.ts uses; time to restore walks the finished deployments in
// (end, start) order, as timesToRestore does.
import type { Db } from "../db";
import { Prisma } from "../generated/prisma/client.ts";
import { EMPTY_AGGREGATE, type DoraAggregate, type Period } from "./dora";

const DAY = 86_400_000;

export type RollupAggregates = {
  overall: DoraAggregate;
  byService: Map<string, DoraAggregate>;
  /** Per week (Monday, YYYY-MM-DD): went live, failures, lead-time median. */
  byWeek: Map<string, { live: number; failures: number; leadTimeMedianMs: number | null }>;
};

type CountRow = { svc: string | null; week: string | null; g: number; live: number; finished: number; failures: number };
type LeadRow = { svc: string | null; week: string | null; g: number; median: number; p90: number };
type RestoreRow = { svc: string | null; median: number | null; unrestored: number };

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `serviceIds` null: every service (the organisation, archived services included, as in dora.ts's reference). */
export async function rollupAggregates(prisma: Db, serviceIds: string[] | null, period: Period): Promise<RollupAggregates> {
  const from = period.from.getTime();
  const to = period.to.getTime();
  // Whole days [fullFrom, fullTo) from the rollup; [from, fullFrom) and [fullTo, to) from deployments.
  let fullFrom = Math.ceil(from / DAY) * DAY;
  let fullTo = Math.floor(to / DAY) * DAY;
  if (fullFrom >= fullTo) fullFrom = fullTo = to; // under a day between midnights: all of it from deployments
  const ids = serviceIds;
  const end = Prisma.sql`COALESCE(d."finishedAt", d."startedAt")`;
  const live = Prisma.sql`d.status IN ('SUCCEEDED', 'ROLLED_BACK')`;
  const failed = Prisma.sql`d.status IN ('FAILED', 'ROLLED_BACK')`;
  const ms = (value: Prisma.Sql) => Prisma.sql`(extract(epoch FROM ${value}) * 1000)::float8`;
  const [row] = await prisma.$queryRaw<{ counts: CountRow[] | null; leads: LeadRow[] | null; restore: RestoreRow[] | null }[]>`
    WITH prod AS (SELECT id FROM "Environment" WHERE "isProduction"),
    days AS MATERIALIZED (
      SELECT r."serviceId" AS svc, r.day, r.live, r.finished, r.failures, r."leadTimesMs" AS leads, r."endMs" AS ends, r."startMs" AS starts, r.failed
        FROM "DeploymentDayRollup" r
       WHERE r."environmentId" IN (SELECT id FROM prod)
         AND r.day >= ${isoDay(fullFrom)}::date AND r.day < ${isoDay(fullTo)}::date
         AND (${ids}::text[] IS NULL OR r."serviceId" = ANY(${ids}::text[]))
      UNION ALL
      SELECT d."serviceId", ${end}::date, (${live})::int, (d.status <> 'STARTED')::int, (${failed})::int,
             CASE WHEN ${live} AND d."finishedAt" IS NOT NULL AND d."firstCommitAt" IS NOT NULL
                  THEN ARRAY[GREATEST(0, extract(epoch FROM d."finishedAt" - d."firstCommitAt") * 1000)::float8] ELSE '{}'::float8[] END,
             CASE WHEN d.status <> 'STARTED' THEN ARRAY[${ms(end)}] ELSE '{}'::float8[] END,
             CASE WHEN d.status <> 'STARTED' THEN ARRAY[${ms(Prisma.sql`d."startedAt"`)}] ELSE '{}'::float8[] END,
             CASE WHEN d.status <> 'STARTED' THEN ARRAY[${failed}] ELSE '{}'::boolean[] END
        FROM "Deployment" d
       WHERE d."environmentId" IN (SELECT id FROM prod)
         AND ((${end} >= ${period.from} AND ${end} < ${new Date(fullFrom)}) OR (${end} >= ${new Date(fullTo)} AND ${end} < ${period.to}))
         AND (${ids}::text[] IS NULL OR d."serviceId" = ANY(${ids}::text[]))
    ),
    counts AS (
      SELECT svc, week::text AS week, GROUPING(svc, week) AS g, sum(live)::int AS live, sum(finished)::int AS finished, sum(failures)::int AS failures
        FROM (SELECT svc, date_trunc('week', day)::date AS week, live, finished, failures FROM days) x
       GROUP BY GROUPING SETS ((svc), (week), ())
    ),
    leads AS (
      SELECT svc, week::text AS week, GROUPING(svc, week) AS g,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY l) AS median, percentile_cont(0.9) WITHIN GROUP (ORDER BY l) AS p90
        FROM (SELECT svc, date_trunc('week', day)::date AS week, l FROM days, unnest(leads) AS l) x
       GROUP BY GROUPING SETS ((svc), (week), ())
    ),
    ev AS (SELECT svc, e, s, f FROM days, unnest(ends, starts, failed) AS u(e, s, f)),
    -- A run starts where failing flips; a failing run is restored at the start of the next (healthy) run.
    svc_runs AS (
      SELECT svc, e, f, lead(e) OVER (PARTITION BY svc ORDER BY e, s) AS next
        FROM (SELECT svc, e, s, f, lag(f) OVER (PARTITION BY svc ORDER BY e, s) AS prev FROM ev) x
       WHERE prev IS DISTINCT FROM f
    ),
    all_runs AS (
      SELECT e, f, lead(e) OVER (ORDER BY e, s) AS next
        FROM (SELECT e, s, f, lag(f) OVER (ORDER BY e, s) AS prev FROM ev) x
       WHERE prev IS DISTINCT FROM f
    ),
    restore AS (
      SELECT svc, percentile_cont(0.5) WITHIN GROUP (ORDER BY next - e) FILTER (WHERE f AND next IS NOT NULL) AS median,
             count(*) FILTER (WHERE f AND next IS NULL)::int AS unrestored
        FROM svc_runs GROUP BY svc
      UNION ALL
      SELECT NULL, percentile_cont(0.5) WITHIN GROUP (ORDER BY next - e) FILTER (WHERE f AND next IS NOT NULL),
             count(*) FILTER (WHERE f AND next IS NULL)::int
        FROM all_runs
    )
    SELECT (SELECT json_agg(counts) FROM counts) AS counts, (SELECT json_agg(leads) FROM leads) AS leads,
           (SELECT json_agg(restore) FROM restore) AS restore`;
  return assemble(row?.counts ?? [], row?.leads ?? [], row?.restore ?? []);
}

// GROUPING(svc, week): 1 = per service, 2 = per week, 3 = the whole scope.
const PER_SERVICE = 1;
const PER_WEEK = 2;
const OVERALL = 3;

function assemble(counts: CountRow[], leads: LeadRow[], restore: RestoreRow[]): RollupAggregates {
  const overall = { ...EMPTY_AGGREGATE };
  const byService = new Map<string, DoraAggregate>();
  const byWeek: RollupAggregates["byWeek"] = new Map();
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
    const values = { live: c.live, finished: c.finished, failures: c.failures };
    if (c.g === OVERALL) Object.assign(overall, values);
    else if (c.g === PER_SERVICE) Object.assign(service(c.svc!), values);
    else if (c.g === PER_WEEK) Object.assign(week(c.week!), { live: c.live, failures: c.failures });
  }
  for (const l of leads) {
    const values = { leadTimeMedianMs: l.median, leadTimeP90Ms: l.p90 };
    if (l.g === OVERALL) Object.assign(overall, values);
    else if (l.g === PER_SERVICE) Object.assign(service(l.svc!), values);
    else if (l.g === PER_WEEK) week(l.week!).leadTimeMedianMs = l.median;
  }
  for (const r of restore) {
    const values = { timeToRestoreMedianMs: r.median, unrestored: r.unrestored };
    Object.assign(r.svc === null ? overall : service(r.svc), values);
  }
  return { overall, byService, byWeek };
}
