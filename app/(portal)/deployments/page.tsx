import type { Metadata } from "next";
import { DeploymentFilters } from "@/components/deployments/deployment-filters";
import { DeploymentTable } from "@/components/deployments/deployment-table";
import { DeploymentsTabs } from "@/components/deployments/deployments-tabs";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { deploymentFilterOptions, listDeployments } from "@/lib/deployments/queries";
import { ZDeploymentFilters } from "@/lib/deployments/schemas";
import { firstValues } from "@/lib/deployments/search-params";

export const metadata: Metadata = { title: "Deployments" };

const DAY = 24 * 3_600_000;
/** The latest deployments the filters match; older ones are a date filter away (the page stays under 150 KB). */
const LIMIT = 50;

export default async function DeploymentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const person = await requirePerson();
  requirePermission(person, "deployments.read");
  const filters = ZDeploymentFilters.parse(firstValues(await searchParams));
  const [deployments, options] = await Promise.all([
    listDeployments(db(), {
      ...filters,
      from: filters.from ? new Date(`${filters.from}T00:00:00Z`) : undefined,
      // "On or before" a day includes the whole day.
      to: filters.to ? new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + DAY) : undefined,
      limit: LIMIT,
    }),
    deploymentFilterOptions(db(), { team: filters.team, service: filters.service }),
  ]);
  return (
    <>
      <PageHeader
        title="Deployments"
        description="Every deployment as the teams' pipelines report it: version, commits, health checks and result. Nothing here is typed by hand."
      />
      <DeploymentsTabs current="/deployments" />
      <DeploymentFilters filters={filters} services={options.services} servicesNarrowed={options.servicesNarrowed} teams={options.teams} environments={options.environments} />
      <p className="mb-3 text-sm text-fg-muted" aria-live="polite">
        {deployments.length === LIMIT ? `The latest ${LIMIT} deployments: narrow by service, team or dates to see older ones` : `${deployments.length} ${deployments.length === 1 ? "deployment" : "deployments"}`}
      </p>
      {deployments.length ? (
        <DeploymentTable deployments={deployments} />
      ) : (
        <EmptyState title="No deployments match" description="Try fewer filters, or connect a pipeline: see Pipeline API." />
      )}
    </>
  );
}
