// Assembles the metrics page: DORA for the whole scope, a weekly trend, and each service against its target.
// Aggregates are computed in SQL (dora-aggregates.ts); the DORA rules themselves stay in dora.ts.
// Pages of a large scope read it through metrics-snapshot.ts.
import type { Db } from "../db";
import { doraAggregates } from "./dora-aggregates";
import { doraFromAggregate, EMPTY_AGGREGATE, weeklySeries, type DoraMetrics, type WeeklyPoint } from "./dora";
import { servicesOfScope, type MetricsScope } from "./queries";

const DAY = 24 * 3_600_000;

export type ServiceMetrics = {
  service: { slug: string; name: string; team: { slug: string; name: string } };
  deploymentTarget: string;
  metrics: DoraMetrics;
};

export type MetricsReport = {
  label: string;
  period: { from: Date; to: Date; days: number };
  metrics: DoraMetrics;
  trend: WeeklyPoint[];
  services: ServiceMetrics[];
  /** When the figures were computed (a snapshot of a large scope can be up to a minute old). */
  computedAt: Date;
};

export async function metricsReport(prisma: Db, scope: MetricsScope, days: number, now = new Date()): Promise<MetricsReport | null> {
  const period = { from: new Date(now.getTime() - days * DAY), to: now };
  const scoped = await servicesOfScope(prisma, scope);
  if (!scoped) return null;
  const ids = scope.kind === "organisation" ? null : scoped.services.map((service) => service.id);
  const aggregates = await doraAggregates(prisma, ids, period);
  const services = scoped.services.map((service) => ({
    service: { slug: service.slug, name: service.name, team: service.team },
    deploymentTarget: service.deploymentTarget,
    metrics: doraFromAggregate(aggregates.byService.get(service.id) ?? EMPTY_AGGREGATE, period, service.deploymentTarget),
  }));
  const single = scope.kind === "service" ? scoped.services[0] : undefined;
  const trend = weeklySeries(period, aggregates.byWeek);
  return {
    label: scoped.label,
    period: { ...period, days },
    metrics: doraFromAggregate(aggregates.overall, period, single?.deploymentTarget ?? null),
    trend,
    services,
    computedAt: now,
  };
}
