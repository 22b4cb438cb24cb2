import Link from "next/link";
import { Button } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/input";
import type { IncidentFilters } from "@/lib/incidents/queries";

type Option = { slug: string; name: string };

const STATUSES = [
  ["", "Open first, then past"], ["open", "Open"], ["past", "Resolved or closed"], ["triggered", "Triggered"],
  ["acknowledged", "Acknowledged"], ["mitigated", "Mitigated"], ["resolved", "Resolved"], ["closed", "Closed"],
] as const;

/** A GET form: the filters live in the URL, so a filtered list can be bookmarked and shared. */
export function IncidentFilterForm({ filters, teams }: { filters: IncidentFilters; teams: Option[] }) {
  const control = `${controlClasses} h-9`;
  return (
    <form method="get" action="/incidents" role="search" aria-label="Filter incidents" className="mb-4 grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
      <label className="space-y-1 lg:col-span-2">
        <span className="block font-medium">Number or title</span>
        <input name="q" type="search" defaultValue={filters.q ?? ""} placeholder="INC-12 or words" className={control} />
      </label>
      <label className="space-y-1">
        <span className="block font-medium">Status</span>
        <select name="status" defaultValue={filters.status ?? ""} className={control}>
          {STATUSES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      <label className="space-y-1">
        <span className="block font-medium">Impact</span>
        <select name="impact" defaultValue={filters.impact ?? ""} className={control}>
          <option value="">Any</option>
          <option value="HIGH">High (major)</option>
          <option value="MEDIUM">Medium</option>
          <option value="LOW">Low</option>
        </select>
      </label>
      <label className="space-y-1">
        <span className="block font-medium">Team</span>
        <select name="team" defaultValue={filters.team ?? ""} className={control}>
          <option value="">Any</option>
          {teams.map((option) => <option key={option.slug} value={option.slug}>{option.name}</option>)}
        </select>
      </label>
      <label className="space-y-1">
        <span className="block font-medium">Service</span>
        <input name="service" defaultValue={filters.service ?? ""} placeholder="service slug" className={control} />
      </label>
      <div className="flex gap-2 lg:col-span-6">
        <Button type="submit" size="sm">Filter</Button>
        <Link href="/incidents" className="self-center text-fg-muted underline">Clear</Link>
      </div>
    </form>
  );
}
