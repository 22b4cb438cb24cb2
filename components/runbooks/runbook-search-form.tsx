import { Button, ButtonLink } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { TRunbookSearch } from "@/lib/runbooks/schemas";

type Option = { slug: string; name: string };

/** A plain GET form: /runbooks?q=… is a link you can paste into an incident channel. */
export function RunbookSearchForm({ filters, teams, services }: { filters: TRunbookSearch; teams: Option[]; services: Option[] }) {
  return (
    <form method="get" role="search" aria-label="Search runbooks" className="mb-6 grid gap-3 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2 lg:grid-cols-4">
      <div className="sm:col-span-2">
        <label htmlFor="q" className="mb-1 block text-sm font-medium text-fg">Search runbooks</label>
        <Input id="q" name="q" type="search" placeholder="e.g. failover, PaymentsHighErrorRate, “connection pool”" defaultValue={filters.q ?? ""} />
      </div>
      <OptionSelect id="team" label="Team" value={filters.team} options={teams} />
      <OptionSelect id="service" label="Service" value={filters.service} options={services} />
      <div className="flex flex-wrap items-end gap-4 sm:col-span-2 lg:col-span-4">
        <Checkbox id="stale" name="stale" value="only" label="Only runbooks due for review" defaultChecked={filters.stale === "only"} />
        <Button type="submit" variant="primary">Search</Button>
        <ButtonLink href="/runbooks" variant="ghost">Clear</ButtonLink>
      </div>
    </form>
  );
}

function OptionSelect({ id, label, value, options }: { id: string; label: string; value?: string; options: Option[] }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-fg">{label}</label>
      <Select id={id} name={id} defaultValue={value ?? ""}>
        <option value="">Any</option>
        {options.map((option) => <option key={option.slug} value={option.slug}>{option.name}</option>)}
      </Select>
    </div>
  );
}
