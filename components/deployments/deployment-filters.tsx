import { Button, ButtonLink } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { TDeploymentFilters } from "@/lib/deployments/schemas";
import { STATUS_LABEL } from "@/lib/deployments/labels";
import { FilterSelect, NARROWED_SERVICES_HINT } from "./filter-select";

type Option = { slug: string; name: string };
type Props = { filters: TDeploymentFilters; services: Option[]; servicesNarrowed: boolean; teams: Option[]; environments: Option[] };

const pairs = (options: Option[]) => options.map((option) => [option.slug, option.name] as const);

/** A plain GET form: the filtered history is a shareable link. */
export function DeploymentFilters({ filters, services, servicesNarrowed, teams, environments }: Props) {
  return (
    <form method="get" role="search" aria-label="Filter deployments" className="mb-6 grid gap-3 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2 lg:grid-cols-3">
      <FilterSelect id="service" label="Service" value={filters.service} options={pairs(services)} hint={servicesNarrowed && !services.length ? NARROWED_SERVICES_HINT : undefined} />
      <FilterSelect id="team" label="Team" value={filters.team} options={pairs(teams)} />
      <FilterSelect id="environment" label="Environment" value={filters.environment} options={pairs(environments)} />
      <FilterSelect id="status" label="Status" value={filters.status} options={Object.entries(STATUS_LABEL)} />
      <div>
        <label htmlFor="from" className="mb-1 block text-sm font-medium text-fg">Started on or after</label>
        <Input id="from" name="from" type="date" defaultValue={filters.from ?? ""} />
      </div>
      <div>
        <label htmlFor="to" className="mb-1 block text-sm font-medium text-fg">Started on or before</label>
        <Input id="to" name="to" type="date" defaultValue={filters.to ?? ""} />
      </div>
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-3">
        <Button type="submit" variant="primary">Apply filters</Button>
        <ButtonLink href="/deployments" variant="ghost">Clear</ButtonLink>
      </div>
    </form>
  );
}
