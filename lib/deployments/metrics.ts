// Assembles the metrics page: DORA for the whole scope, a weekly trend, and each service against its target.
import type { Db } from "../db";
import { doraMetrics, weeklyTrend, type DoraMetrics, type WeeklyPoint } from "./dora";
import { deploymentsForMetrics, type MetricsScope } from "./queries";

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
};

export async function metricsReport(prisma: Db, scope: MetricsScope, days: number, now = new Date()): Promise<MetricsReport | null> {
  const period = { from: new Date(now.getTime() - days * DAY), to: now };
  const scoped = await deploymentsForMetrics(prisma, scope, period);
  if (!scoped) return null;
  const byService = new Map<string, typeof scoped.deployments>();
  for (const deployment of scoped.deployments) {
    const list = byService.get(deployment.serviceId) ?? [];
    list.push(deployment);
    byService.set(deployment.serviceId, list);
  }
  const services = scoped.services.map((service) => ({
    service: { slug: service.slug, name: service.name, team: service.team },
    deploymentTarget: service.deploymentTarget,
    metrics: doraMetrics(byService.get(service.id) ?? [], period, service.deploymentTarget),
  }));
  const single = scope.kind === "service" ? scoped.services[0] : undefined;
  return {
    label: scoped.label,
    period: { ...period, days },
    metrics: doraMetrics(scoped.deployments, period, single?.deploymentTarget ?? null),
    trend: weeklyTrend(scoped.deployments, period),
    services,
  };
}
