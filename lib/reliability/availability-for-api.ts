// GET /api/v1/services/{slug}/availability?days=28: availability against target, the error budget,
// burn rates and time to restore, for bots and dashboards. Percentages and minutes, rounded for people.
import type { Actor } from "../auth/actor";
import { authorizeNamedService } from "../authz/can";
import { TARGET_PERCENT } from "../catalog/availability";
import type { Db } from "../db";
import { notFound, parseInput } from "../errors";
import { ZServiceSlugParam } from "../oncall/schemas";
import { MINUTE } from "./availability";
import { serviceAvailability } from "./queries";
import { ZAvailabilityQuery } from "./schemas";

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const rate = (value: number | null) => (value === null ? null : round(value, 2));

export async function availabilityForApi(prisma: Db, actor: Actor, slug: string, query: URLSearchParams, origin: string, now = new Date()) {
  const { days } = parseInput(ZAvailabilityQuery, { days: query.get("days") ?? undefined });
  // A slug no service can have is a missing service, like another service's (no probing for slugs).
  const found = ZServiceSlugParam.safeParse(slug).success ? await serviceAvailability(prisma, slug, days, now) : null;
  authorizeNamedService(actor, "incidents.read", found?.service, () => notFound("The service"));
  const { service, report } = found!;
  const minutes = (ms: number) => round(ms / MINUTE, 2);
  return {
    service: service.slug,
    target: report.target ? TARGET_PERCENT[report.target] : TARGET_PERCENT[service.availabilityTarget],
    days,
    availability: round(report.period.availability * 100, 4),
    budgetMinutes: minutes(report.period.budgetMs),
    budgetUsedMinutes: minutes(report.period.unavailableMs),
    budgetLeftMinutes: minutes(report.budgetLeftMs),
    burnRates: { "1h": rate(report.burnRates["1h"]), "6h": rate(report.burnRates["6h"]), "3d": rate(report.burnRates["3d"]) },
    timeToRestoreMinutes: report.timeToRestore ? { p50: minutes(report.timeToRestore.p50Ms), max: minutes(report.timeToRestore.maxMs) } : null,
    incidents: report.incidents.map((incident) => ({
      id: incident.id,
      number: `INC-${incident.number}`,
      title: incident.title,
      availabilityLostAt: incident.lostAt.toISOString(),
      availabilityRegainedAt: incident.regainedAt?.toISOString() ?? null,
      minutesInPeriod: round(incident.minutesInPeriod, 2),
      url: `${origin}/incidents/${incident.id}`,
    })),
  };
}
