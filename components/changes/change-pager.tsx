import { changeListHref, type ChangeListFilters, type Cursor } from "@/lib/changes/change-list";

/** Previous and next pages of the changes list, keeping the filters; a missing direction is shown disabled. */
export function ChangePager({ filters, previous, next }: { filters: ChangeListFilters; previous: Cursor | null; next: Cursor | null }) {
  const link = "rounded-md border border-line px-3 py-1.5 font-medium hover:bg-surface-muted";
  const off = "rounded-md border border-line px-3 py-1.5 text-fg-muted";
  return (
    <nav aria-label="Pages of changes" className="mt-4 flex justify-between gap-3 text-sm">
      {previous ? <a className={link} rel="prev" href={changeListHref(filters, { before: previous })}>← Newer changes</a> : <span className={off} aria-disabled="true">← Newer changes</span>}
      {next ? <a className={link} rel="next" href={changeListHref(filters, { after: next })}>Older changes →</a> : <span className={off} aria-disabled="true">Older changes →</span>}
    </nav>
  );
}
