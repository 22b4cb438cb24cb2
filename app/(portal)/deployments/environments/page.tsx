import type { Metadata } from "next";
import { DeploymentsTabs } from "@/components/deployments/deployments-tabs";
import { EnvironmentMatrixTable } from "@/components/deployments/environment-matrix";
import { FilterSelect } from "@/components/deployments/filter-select";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { deploymentFilterOptions, environmentMatrix } from "@/lib/deployments/queries";
import { firstValues } from "@/lib/deployments/search-params";

export const metadata: Metadata = { title: "Environments" };

export default async function EnvironmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const person = await requirePerson();
  requirePermission(person, "deployments.read");
  const { team } = firstValues(await searchParams);
  const [matrix, options] = await Promise.all([environmentMatrix(db(), { team }), deploymentFilterOptions(db())]);
  return (
    <>
      <PageHeader title="Deployments" description="What is deployed where: the last successful deployment of each service in each environment." />
      <DeploymentsTabs current="/deployments/environments" />
      <form method="get" role="search" aria-label="Filter environments" className="mb-6 flex flex-wrap items-end gap-3">
        <FilterSelect id="team" label="Team" value={team} options={options.teams.map((t) => [t.slug, t.name] as const)} any="All teams" />
        <Button type="submit">Show</Button>
      </form>
      {matrix.rows.length ? <EnvironmentMatrixTable matrix={matrix} /> : <EmptyState title="No services" description="This team owns no services yet." />}
    </>
  );
}
