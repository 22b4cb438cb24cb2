// Signals of change treacle for the change manager's home (operating model: every deployment through
// CAB, no templates, deployments less than weekly).
import type { Db } from "../db";
import { patternCovers } from "./eligibility";
import type { Tier } from "./pattern-rules";

const DAY = 86_400_000;

export type TreacleSignals = {
  days: number;
  productionDeployments: number;
  byChangeType: { standard: number; normal: number; emergency: number; none: number };
  /** Share of production deployments that went through the CAB (normal changes); null without deployments. */
  cabShare: number | null;
  servicesWithoutPattern: { slug: string; name: string }[];
  servicesTotal: number;
  /** Median lead time (first commit → production) per week, oldest first. */
  leadTimeTrend: { weekStart: Date; medianHours: number | null; deployments: number }[];
  /** Median CAB wait (submitted → decided) of normal changes decided in the period. */
  cabWaitMedianHours: number | null;
};

export async function treacleSignals(prisma: Db, now = new Date(), days = 30, weeks = 8): Promise<TreacleSignals> {
  const since = new Date(now.getTime() - days * DAY);
  const trendSince = new Date(now.getTime() - weeks * 7 * DAY);
  const [types, trend, wait, services, patterns, production] = await Promise.all([
    prisma.$queryRaw<{ type: string | null; count: bigint }[]>`
      SELECT c.type::text AS type, count(*) AS count FROM "Deployment" d
        JOIN "Environment" e ON e.id = d."environmentId" AND e."isProduction"
        LEFT JOIN "ChangeRequest" c ON c.id = d."changeRequestId"
       WHERE d."startedAt" >= ${since.toISOString()}::timestamptz AT TIME ZONE 'UTC'
       GROUP BY 1`,
    prisma.$queryRaw<{ week: Date; median: number | null; count: bigint }[]>`
      SELECT date_trunc('week', d."finishedAt") AS week,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d."finishedAt" - d."firstCommitAt") / 3600) AS median,
             count(*) AS count
        FROM "Deployment" d JOIN "Environment" e ON e.id = d."environmentId" AND e."isProduction"
       WHERE d."startedAt" >= ${trendSince.toISOString()}::timestamptz AT TIME ZONE 'UTC' AND d.status IN ('SUCCEEDED', 'ROLLED_BACK')
         AND d."firstCommitAt" IS NOT NULL AND d."finishedAt" IS NOT NULL
       GROUP BY 1 ORDER BY 1`,
    prisma.$queryRaw<{ median: number | null }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "decidedAt" - "submittedAt") / 3600) AS median
        FROM "ChangeRequest" WHERE type = 'NORMAL' AND "decidedAt" >= ${since.toISOString()}::timestamptz AT TIME ZONE 'UTC' AND "submittedAt" IS NOT NULL`,
    prisma.service.findMany({ where: { archivedAt: null }, select: { id: true, slug: true, name: true, teamId: true, tier: true }, orderBy: { name: "asc" } }),
    prisma.deploymentPattern.findMany({ where: { archivedAt: null }, select: { serviceIds: true, teamIds: true, environmentIds: true, tiers: true } }),
    prisma.environment.findMany({ where: { isProduction: true }, select: { id: true } }),
  ]);
  const count = (type: string | null) => Number(types.find((row) => row.type === type)?.count ?? 0);
  const byChangeType = { standard: count("STANDARD"), normal: count("NORMAL"), emergency: count("EMERGENCY"), none: count(null) };
  const productionDeployments = byChangeType.standard + byChangeType.normal + byChangeType.emergency + byChangeType.none;
  const servicesWithoutPattern = services
    .filter((service) => !patterns.some((pattern) => production.some((environment) => patternCovers({ ...pattern, tiers: pattern.tiers as Tier[] }, { id: service.id, teamId: service.teamId, tier: service.tier as Tier }, environment.id))))
    .map(({ slug, name }) => ({ slug, name }));
  const weekly = new Map(trend.map((row) => [new Date(row.week).getTime(), row]));
  const firstWeek = new Date(trendSince);
  firstWeek.setUTCHours(0, 0, 0, 0);
  firstWeek.setUTCDate(firstWeek.getUTCDate() - ((firstWeek.getUTCDay() + 6) % 7));
  const leadTimeTrend = Array.from({ length: weeks + 1 }, (_, index) => {
    const weekStart = new Date(firstWeek.getTime() + index * 7 * DAY);
    const row = weekly.get(weekStart.getTime());
    return { weekStart, medianHours: row?.median === null || row?.median === undefined ? null : Number(row.median), deployments: Number(row?.count ?? 0) };
  }).filter((point) => point.weekStart <= now);
  return {
    days,
    productionDeployments,
    byChangeType,
    cabShare: productionDeployments ? byChangeType.normal / productionDeployments : null,
    servicesWithoutPattern,
    servicesTotal: services.length,
    leadTimeTrend,
    cabWaitMedianHours: wait[0]?.median === null || wait[0]?.median === undefined ? null : Number(wait[0].median),
  };
}
