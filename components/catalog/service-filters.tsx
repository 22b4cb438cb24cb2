import { Button, ButtonLink } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { AVAILABILITY_TARGETS, targetLabel } from "@/lib/catalog/availability";
import { LIFECYCLE_LABEL, TIER_LABEL } from "@/lib/catalog/labels";
import type { TServiceFilters } from "@/lib/catalog/schemas";

type Props = {
  filters: TServiceFilters;
  teams: { slug: string; name: string }[];
  domains: { slug: string; name: string }[];
};

/** A plain GET form: filters live in the URL, so a filtered catalog can be shared as a link. */
export function ServiceFilters({ filters, teams, domains }: Props) {
  return (
    <form method="get" role="search" aria-label="Filter services" className="mb-6 grid gap-3 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2 lg:grid-cols-4">
      <div className="sm:col-span-2">
        <label htmlFor="q" className="mb-1 block text-sm font-medium text-fg">Search</label>
        <Input id="q" name="q" type="search" placeholder="Name, slug, description or team" defaultValue={filters.q ?? ""} />
      </div>
      <FilterSelect id="team" label="Team" value={filters.team} options={teams.map((team) => [team.slug, team.name])} />
      <FilterSelect id="domain" label="Domain" value={filters.domain} options={domains.map((domain) => [domain.slug, domain.name])} />
      <FilterSelect id="tier" label="Tier" value={filters.tier} options={Object.entries(TIER_LABEL)} />
      <FilterSelect id="target" label="Availability target" value={filters.target} options={AVAILABILITY_TARGETS.map((t) => [t, targetLabel(t)])} />
      <FilterSelect id="lifecycle" label="Lifecycle" value={filters.lifecycle} options={Object.entries(LIFECYCLE_LABEL)} />
      <FilterSelect id="archived" label="Archived services" value={filters.archived} any="Hide archived"
        options={[["include", "Include archived"], ["only", "Only archived"]]} />
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
        <Button type="submit" variant="primary">Apply filters</Button>
        <ButtonLink href="/services" variant="ghost">Clear</ButtonLink>
      </div>
    </form>
  );
}

function FilterSelect({ id, label, value, options, any = "Any" }: { id: string; label: string; value?: string; options: [string, string][]; any?: string }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-fg">{label}</label>
      <Select id={id} name={id} defaultValue={value ?? ""}>
        <option value="">{any}</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>{optionLabel}</option>
        ))}
      </Select>
    </div>
  );
}
