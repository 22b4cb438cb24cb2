import type { Metadata } from "next";
import { ServiceFilters } from "@/components/catalog/service-filters";
import { ServiceTable } from "@/components/catalog/service-table";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePerson } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/page-access";
import { can } from "@/lib/authz/can";
import { catalogFilterOptions, listServices } from "@/lib/catalog/queries";
import { ZServiceFilters } from "@/lib/catalog/schemas";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const person = await requirePerson();
  requirePermission(person, "catalog.read");
  const filters = ZServiceFilters.parse(Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined])));
  const [services, options] = await Promise.all([listServices(db(), filters), catalogFilterOptions(db())]);
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
        {services.length} {services.length === 1 ? "service" : "services"}
      </p>
      {services.length ? (
        <ServiceTable services={services} />
      ) : (
        <EmptyState title="No services match" description="Try fewer filters, or clear them to see the whole catalog." />
      )}
    </>
  );
}
