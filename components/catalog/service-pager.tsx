import type { TServiceFilters } from "@/lib/catalog/schemas";
import { serviceListHref } from "@/lib/catalog/service-list";

/** Previous and next pages of the catalogue, keeping the filters; a missing direction is shown disabled. */
export function ServicePager({ filters, previous, next }: { filters: TServiceFilters; previous: string | null; next: string | null }) {
  if (!previous && !next) return null;
  const link = "rounded-md border border-line px-3 py-1.5 font-medium hover:bg-surface-muted";
  const off = "rounded-md border border-line px-3 py-1.5 text-fg-muted";
  return (
    <nav aria-label="Pages of services" className="mt-4 flex justify-between gap-3 text-sm">
      {previous ? <a className={link} rel="prev" href={serviceListHref(filters, { before: previous })}>← Previous services</a> : <span className={off} aria-disabled="true">← Previous services</span>}
      {next ? <a className={link} rel="next" href={serviceListHref(filters, { after: next })}>Next services →</a> : <span className={off} aria-disabled="true">Next services →</span>}
    </nav>
  );
}
