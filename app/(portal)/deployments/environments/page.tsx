import type { Metadata } from "next";
import { DeploymentsTabs } from "@/components/deployments/deployments-tabs";
import { EnvironmentMatrixTable } from "@/components/deployments/environment-matrix";
import { FilterSelect } from "@/components/deployments/filter-select";
import { Button, ButtonLink } from "@/components/ui/button";
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
  const { team, page } = firstValues(await searchParams);
  const pageNumber = Math.max(1, Number.parseInt(page ?? "1", 10) || 1);
  const [matrix, options] = await Promise.all([environmentMatrix(db(), { team, page: pageNumber }), deploymentFilterOptions(db(), { team })]);
  const pages = Math.max(1, Math.ceil(matrix.page.total / matrix.page.size));
  const link = (number: number) => `/deployments/environments?${new URLSearchParams({ ...(team ? { team } : {}), page: String(number) })}`;
  return (
    <>
      <PageHeader title="Deployments" description="What is deployed where: the last successful deployment of each service in each environment." />
      <DeploymentsTabs current="/deployments/environments" />
      <form method="get" role="search" aria-label="Filter environments" className="mb-6 flex flex-wrap items-end gap-3">
        <FilterSelect id="team" label="Team" value={team} options={options.teams.map((t) => [t.slug, t.name] as const)} any="All teams" />
        <Button type="submit">Show</Button>
      </form>
      {matrix.rows.length ? (
        <>
          <EnvironmentMatrixTable matrix={matrix} />
          {pages > 1 ? (
            <nav aria-label="Pages of services" className="mt-4 flex items-center gap-3 text-sm">
              {pageNumber > 1 ? <ButtonLink href={link(pageNumber - 1)} variant="ghost">Previous</ButtonLink> : null}
              <span className="text-fg-muted">
                Services {(pageNumber - 1) * matrix.page.size + 1}–{Math.min(pageNumber * matrix.page.size, matrix.page.total)} of {matrix.page.total.toLocaleString("en")}
              </span>
              {pageNumber < pages ? <ButtonLink href={link(pageNumber + 1)} variant="ghost">Next</ButtonLink> : null}
            </nav>
          ) : null}
        </>
      ) : pageNumber > 1 ? (
        <EmptyState title="No services on this page" description="The list is shorter than that." action={<ButtonLink href={link(1)}>First page</ButtonLink>} />
      ) : (
        <EmptyState title="No services" description="This team owns no services yet." />
      )}
    </>
  );
}
