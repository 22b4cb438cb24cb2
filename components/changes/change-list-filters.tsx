import Link from "next/link";
import { Button } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/input";
import type { ChangeListFilters } from "@/lib/changes/change-list";
import { LIST_TYPES } from "@/lib/changes/change-list";
import { STATE_LABELS, type ChangeState } from "@/lib/changes/state-machine";

type Option = { slug: string; name: string };

const STATES = Object.keys(STATE_LABELS) as ChangeState[];

/** A GET form: the filters live in the URL, so a filtered list can be bookmarked and shared. */
/**
 * In a large organisation the service select lists only the chosen team's services; with no team
 * chosen, the service is a slug to type (the page stays small).
 */
export function ChangeListFilterForm({ filters, services, servicesNarrowed, teams }: { filters: ChangeListFilters; services: Option[]; servicesNarrowed: boolean; teams: Option[] }) {
  const control = `${controlClasses} h-9`;
  return (
    <form method="get" action="/changes" role="search" aria-label="Filter changes" className="mb-4 grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-8 xl:items-end">
      <label className="space-y-1 lg:col-span-2">
        <span className="block font-medium">Number or summary</span>
        <input name="q" type="search" defaultValue={filters.q ?? ""} placeholder="CHG-102 or words" className={control} />
      </label>
      <label className="space-y-1">
        <span className="block font-medium">Service</span>
        {!servicesNarrowed || services.length ? (
          <select name="service" defaultValue={filters.service ?? ""} className={control}>
            <option value="">Any</option>
            {services.map((option) => <option key={option.slug} value={option.slug}>{option.name}</option>)}
          </select>
        ) : <input name="service" defaultValue={filters.service ?? ""} placeholder="service slug, or choose a team" className={control} />}
      </label>
      <label className="space-y-1">
        <span className="block font-medium">Team</span>
        <select name="team" defaultValue={filters.team ?? ""} className={control}>
          <option value="">Any</option>
          {teams.map((option) => <option key={option.slug} value={option.slug}>{option.name}</option>)}
        </select>
      </label>
      <label className="space-y-1">
        <span className="block font-medium">State</span>
        <select name="state" defaultValue={filters.state ?? ""} className={control}>
          <option value="">Any</option>
          {STATES.map((value) => <option key={value} value={value}>{STATE_LABELS[value]}</option>)}
        </select>
      </label>
      <label className="space-y-1">
        <span className="block font-medium">Type</span>
        <select name="type" defaultValue={filters.type ?? ""} className={control}>
          <option value="">Any</option>
          {LIST_TYPES.map((value) => <option key={value} value={value}>{value.charAt(0) + value.slice(1).toLowerCase()}</option>)}
        </select>
      </label>
      <label className="space-y-1">
        <span className="block font-medium">Raised from</span>
        <input name="from" type="date" defaultValue={filters.from ?? ""} className={control} />
      </label>
      <label className="space-y-1">
        <span className="block font-medium">Raised until</span>
        <input name="to" type="date" defaultValue={filters.to ?? ""} className={control} />
      </label>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-4 xl:col-span-8">
        <Button type="submit" size="sm">Filter</Button>
        <Link href="/changes" className="self-center text-link underline-offset-2 hover:underline">Clear filters</Link>
      </div>
    </form>
  );
}
