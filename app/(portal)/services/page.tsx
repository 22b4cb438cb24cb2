import type { Metadata } from "next";
import { ServiceFilters } from "@/components/catalog/service-filters";
import { ServicePager } from "@/components/catalog/service-pager";
import { ServiceTable } from "@/components/catalog/service-table";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePerson } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/page-access";
import { can } from "@/lib/authz/can";
import { catalogFilterOptions, listServicesPage } from "@/lib/catalog/queries";
import { parseServiceListParams } from "@/lib/catalog/service-list";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const person = await requirePerson();
  requirePermission(person, "catalog.read");
  const query = parseServiceListParams(await searchParams);
  const { filters } = query;
  const [page, options] = await Promise.all([listServicesPage(db(), query), catalogFilterOptions(db())]);
  const mayCreate = options.teams.some((team) => can(person, "services.create", { teamId: team.id }));
  return (
    <>
      <PageHeader
        title="Services"
        description="Every service has exactly one owning team, which builds it and runs it. The availability target sets the out-of-hours cover."
        actions={mayCreate ? <ButtonLink href="/services/new" variant="primary">New service</ButtonLink> : null}
      />
      <ServiceFilters filters={filters} teams={options.teams} domains={options.domains} />
      <p className="mb-3 text-sm text-fg-muted" aria-live="polite">
        {`${page.total.toLocaleString("en-GB")} ${page.total === 1 ? "service" : "services"}`}
      </p>
      {page.items.length ? (
        <>
          <ServiceTable services={page.items} />
          <ServicePager filters={filters} previous={page.previous} next={page.next} />
        </>
      ) : (
        <EmptyState title="No services match" description="Try fewer filters, or clear them to see the whole catalog." />
      )}
    </>
  );
}
