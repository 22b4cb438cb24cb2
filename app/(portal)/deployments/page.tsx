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
import { decodeCursor, encodeCursor } from "@/lib/validation/keyset-cursor";

export const metadata: Metadata = { title: "Deployments" };

const DAY = 24 * 3_600_000;
/** Deployments a page; "Older deployments" pages on by keyset (the page stays under 150 KB). */
const LIMIT = 40;

export default async function DeploymentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const person = await requirePerson();
  requirePermission(person, "deployments.read");
  const params = firstValues(await searchParams);
  const filters = ZDeploymentFilters.parse(params);
  const olderThan = decodeCursor(params.after) ?? undefined;
  const [rows, options] = await Promise.all([
    listDeployments(db(), {
      ...filters,
      from: filters.from ? new Date(`${filters.from}T00:00:00Z`) : undefined,
      // "On or before" a day includes the whole day.
      to: filters.to ? new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + DAY) : undefined,
      olderThan,
      limit: LIMIT + 1,
    }),
    deploymentFilterOptions(db(), { team: filters.team, service: filters.service }),
  ]);
  // One row more than the page says whether there are older ones.
  const deployments = rows.slice(0, LIMIT);
  const last = rows.length > LIMIT ? deployments.at(-1) : undefined;
  const pageHref = (after?: string) => `/deployments?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "")), ...(after ? { after } : {}) })}`;
  return (
    <>
      <PageHeader
        title="Deployments"
        description="Every deployment as the teams' pipelines report it: version, commits, health checks and result. Nothing here is typed by hand."
      />
      <DeploymentsTabs current="/deployments" />
      <DeploymentFilters filters={filters} services={options.services} servicesNarrowed={options.servicesNarrowed} teams={options.teams} environments={options.environments} />
      <p className="mb-3 text-sm text-fg-muted" aria-live="polite">
        {olderThan ? `${deployments.length} older ${deployments.length === 1 ? "deployment" : "deployments"}, newest first` : last ? `The latest ${LIMIT} deployments` : `${deployments.length} ${deployments.length === 1 ? "deployment" : "deployments"}`}
      </p>
      {deployments.length ? (
        <>
          <DeploymentTable deployments={deployments} />
          <nav aria-label="Pages of deployments" className="mt-4 flex justify-between gap-3 text-sm">
            {olderThan ? <a className="rounded-md border border-line px-3 py-1.5 font-medium hover:bg-surface-muted" href={pageHref()}>← Newest deployments</a> : <span />}
            {last ? <a className="rounded-md border border-line px-3 py-1.5 font-medium hover:bg-surface-muted" rel="next" href={pageHref(encodeCursor({ at: last.startedAt, id: last.id }))}>Older deployments →</a> : null}
          </nav>
        </>
      ) : (
        <EmptyState title="No deployments match" description="Try fewer filters, or connect a pipeline: see Pipeline API." />
      )}
    </>
  );
}
