import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeploymentsTabs } from "@/components/deployments/deployments-tabs";
import { FilterSelect, NARROWED_SERVICES_HINT } from "@/components/deployments/filter-select";
import { MetricCards } from "@/components/deployments/metric-cards";
import { ServiceMetricsTable } from "@/components/deployments/service-metrics-table";
import { TrendCharts } from "@/components/deployments/trend-charts";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { metricsForPage, SNAPSHOT_MAX_AGE_MS } from "@/lib/deployments/metrics-snapshot";
import { deploymentFilterOptions, type MetricsScope } from "@/lib/deployments/queries";
import { PERIOD_DAYS, ZMetricsQuery } from "@/lib/deployments/schemas";
import { firstValues } from "@/lib/deployments/search-params";

export const metadata: Metadata = { title: "DORA metrics" };

export default async function MetricsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const person = await requirePerson();
  requirePermission(person, "deployments.read");
  const query = ZMetricsQuery.parse(firstValues(await searchParams));
  // The narrowest scope named wins: a service, else a team, else a domain, else the organisation.
  const scope: MetricsScope = query.service ? { kind: "service", slug: query.service }
    : query.team ? { kind: "team", slug: query.team }
    : query.domain ? { kind: "domain", slug: query.domain }
    : { kind: "organisation" };
  const [report, options] = await Promise.all([metricsForPage(db(), scope, query.days), deploymentFilterOptions(db(), { team: query.team, domain: query.domain, service: query.service })]);
  if (!report) notFound();
  const single = scope.kind === "service" ? report.services[0] : undefined;
  return (
    <>
      <PageHeader title="Deployments" description="DORA's four keys for production deployments: how often, how fast, how often it goes wrong, and how fast it is put right." />
      <DeploymentsTabs current="/deployments/metrics" />
      <form method="get" role="search" aria-label="Choose scope and period" className="mb-6 grid gap-3 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2 lg:grid-cols-5">
        <FilterSelect id="domain" label="Domain" value={query.domain} options={options.domains.map((d) => [d.slug, d.name] as const)} any="All domains" />
        <FilterSelect id="team" label="Team" value={query.team} options={options.teams.map((t) => [t.slug, t.name] as const)} any="All teams" />
        <FilterSelect id="service" label="Service" value={query.service} options={options.services.map((s) => [s.slug, s.name] as const)} any="All services"
          hint={options.servicesNarrowed && !options.services.length ? NARROWED_SERVICES_HINT : undefined} />
        <FilterSelect id="days" label="Period" value={query.days} options={PERIOD_DAYS.map((days) => [String(days), `Last ${days} days`] as const)} any={null} />
        <div className="flex items-end gap-2">
          <Button type="submit" variant="primary">Show</Button>
          <ButtonLink href="/deployments/metrics" variant="ghost">Organisation</ButtonLink>
        </div>
      </form>
      <h2 className="mb-1 text-lg font-semibold text-fg">{report.label}, last {report.period.days} days</h2>
      <p className="mb-3 text-sm text-fg-muted">
        Computed <time dateTime={report.computedAt.toISOString()}>{report.computedAt.toISOString().slice(11, 16)} UTC</time>
        {scope.kind === "organisation" || scope.kind === "domain" ? `; the figures of a whole organisation or domain refresh every ${SNAPSHOT_MAX_AGE_MS / 60_000} minute.` : "."}
      </p>
      <MetricCards metrics={report.metrics} target={single?.deploymentTarget ?? null} />
      <Card aria-labelledby="trend-title" className="mb-6">
        <CardHeader titleId="trend-title" title="Weekly trend" description="Weeks start on Monday (UTC)." />
        <CardContent><TrendCharts trend={report.trend} /></CardContent>
      </Card>
      {scope.kind !== "service" && report.services.length ? <ServiceMetricsTable services={report.services} /> : null}
    </>
  );
}
