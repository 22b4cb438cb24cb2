// The product manager's home, per team and service: availability against the target and budget left,
// time to restore, DORA against the deployment target, out-of-hours load. Bulk reads whatever the
// number of teams (a product manager of ten teams on a large organisation reads about a hundred
// services): two statements for availability, one for DORA, one for callouts.
import type { AvailabilityTarget, DeploymentTarget } from "../generated/prisma/enums.ts";
import type { Db } from "../db";
import { doraAggregates } from "../deployments/dora-aggregates";
import { doraFromAggregate, EMPTY_AGGREGATE, type DoraMetrics } from "../deployments/dora";
import { BUDGET_DAYS } from "../reliability/budget-policy";
import { availabilityOfServices } from "../reliability/queries";
import type { AvailabilityReport } from "../reliability/report";
import { DAY } from "../reliability/availability";

/** DORA and callouts look back as far as the error budget does, so the figures on one row agree. */
export const OVERVIEW_DAYS = BUDGET_DAYS;

export type OverviewService = {
  id: string;
  slug: string;
  name: string;
  availabilityTarget: AvailabilityTarget;
  deploymentTarget: DeploymentTarget;
  availability: Pick<AvailabilityReport, "period" | "budgetLeftMs" | "budgetSpent" | "burn" | "timeToRestore">;
  /** The whole 28-day report (the home's flagged services and balance signals read it too). */
  report: AvailabilityReport;
  dora: Pick<DoraMetrics, "deployments" | "perWeek" | "meetsTarget" | "leadTimeMedianMs" | "changeFailureRate">;
};

export type OutOfHoursLoad = {
  /** Out-of-hours pages of the team's incidents in the period (each is a callout for pay). */
  callouts: number;
  /** Different people those pages woke. */
  people: number;
  /** Nights (or weekend days) with at least one callout, in the reporting zone's calendar. */
  disturbedDays: number;
};

export type OverviewTeam = {
  id: string;
  slug: string;
  name: string;
  targetOperationalShare: number | null;
  services: OverviewService[];
  outOfHours: OutOfHoursLoad;
};

export async function productManagerOverview(prisma: Db, teamIds: readonly string[], now: Date): Promise<OverviewTeam[]> {
  if (teamIds.length === 0) return [];
  const ids = [...teamIds];
  const period = { from: new Date(now.getTime() - OVERVIEW_DAYS * DAY), to: now };
  const teams = await prisma.team.findMany({
    where: { id: { in: ids } },
    orderBy: { name: "asc" },
    select: {
      id: true, slug: true, name: true, targetOperationalShare: true,
      services: {
        where: { archivedAt: null },
        orderBy: { name: "asc" },
        select: { id: true, slug: true, name: true, availabilityTarget: true, deploymentTarget: true },
      },
    },
  });
  const services = teams.flatMap((team) => team.services);
  const [availability, dora, pages] = await Promise.all([
    availabilityOfServices(prisma, services, OVERVIEW_DAYS, now),
    services.length ? doraAggregates(prisma, services.map((service) => service.id), period) : null,
    prisma.incidentPage.findMany({
      where: { outOfHours: true, pagedAt: { gte: period.from, lte: now }, incident: { service: { teamId: { in: ids } } } },
      select: { personId: true, pagedAt: true, incident: { select: { service: { select: { teamId: true } } } } },
    }),
  ]);
  return teams.map((team) => ({
    id: team.id,
    slug: team.slug,
    name: team.name,
    targetOperationalShare: team.targetOperationalShare,
    services: team.services.map((service) => {
      const report = availability.get(service.id)!;
      const metrics = doraFromAggregate(dora?.byService.get(service.id) ?? EMPTY_AGGREGATE, period, service.deploymentTarget);
      return {
        ...service,
        report,
        availability: { period: report.period, budgetLeftMs: report.budgetLeftMs, budgetSpent: report.budgetSpent, burn: report.burn, timeToRestore: report.timeToRestore },
        dora: { deployments: metrics.deployments, perWeek: metrics.perWeek, meetsTarget: metrics.meetsTarget, leadTimeMedianMs: metrics.leadTimeMedianMs, changeFailureRate: metrics.changeFailureRate },
      };
    }),
    outOfHours: outOfHoursLoad(pages.filter((page) => page.incident.service.teamId === team.id)),
  }));
}

/** Pages to load: a person paged twice in one night is one disturbed night, but two callouts. */
export function outOfHoursLoad(pages: readonly { personId: string | null; pagedAt: Date }[]): OutOfHoursLoad {
  const people = new Set(pages.flatMap((page) => (page.personId ? [page.personId] : [])));
  // A night belongs to the evening it starts: pages before 06:00 UTC count for the day before.
  const days = new Set(pages.map((page) => new Date(page.pagedAt.getTime() - 6 * 3_600_000).toISOString().slice(0, 10)));
  return { callouts: pages.length, people: people.size, disturbedDays: days.size };
}
