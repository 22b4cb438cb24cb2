import type { Metadata } from "next";
import { RunbookSearchForm } from "@/components/runbooks/runbook-search-form";
import { SearchResults } from "@/components/runbooks/search-results";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { db } from "@/lib/db";
import { runbookFilterOptions } from "@/lib/runbooks/queries";
import { ZRunbookSearch } from "@/lib/runbooks/schemas";
import { searchRunbooks } from "@/lib/runbooks/search-queries";

export const metadata: Metadata = { title: "Runbooks" };

export default async function RunbooksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const person = await requirePerson();
  requirePermission(person, "runbooks.read");
  const filters = ZRunbookSearch.parse(Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined])));
  const [{ hits, total, page, pageSize }, options] = await Promise.all([searchRunbooks(db(), filters), runbookFilterOptions(db())]);
  const first = (page - 1) * pageSize + 1;
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const pageHref = (target: number) => {
    const params = new URLSearchParams(Object.entries({ ...filters, page: target > 1 ? String(target) : undefined }).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return `/runbooks?${params.toString()}`;
  };
  return (
    <>
      <PageHeader
        title="Runbooks"
        description="How each service fails and how to restore it, kept by the team that runs it. Press Ctrl K (⌘ K) anywhere to jump to a runbook."
        actions={
          <>
            <ButtonLink href="/runbooks?stale=only">Due for review</ButtonLink>
            {can(person, "runbook-templates.manage") ? <ButtonLink href="/runbooks/templates">Templates</ButtonLink> : null}
          </>
        }
      />
      <RunbookSearchForm filters={filters} teams={options.teams} services={options.services} />
      <p className="mb-3 text-sm text-fg-muted" aria-live="polite">
        {total > hits.length && hits.length ? `${first}–${first + hits.length - 1} of ${total} runbooks` : `${total} ${total === 1 ? "runbook" : "runbooks"}`}
        {filters.q ? <> for “{filters.q}”{filters.q && total > 1 ? ", best matches first" : null}</> : null}
      </p>
      {hits.length ? (
        <>
          <SearchResults hits={hits} />
          {total > pageSize ? (
            <nav aria-label="Search result pages" className="mt-4 flex items-center gap-3">
              {page > 1 ? <ButtonLink href={pageHref(page - 1)}>Previous</ButtonLink> : null}
              <span className="text-sm text-fg-muted">Page {page} of {lastPage}</span>
              {first + hits.length - 1 < total ? <ButtonLink href={pageHref(page + 1)}>Next</ButtonLink> : null}
            </nav>
          ) : null}
        </>
      ) : total > 0 ? (
        <EmptyState title={`There are only ${lastPage} ${lastPage === 1 ? "page" : "pages"} of results`} action={<ButtonLink href={pageHref(lastPage)}>Go to the last page</ButtonLink>} />
      ) : (
        <EmptyState title="No runbooks match" description="Try other words, fewer filters, or an alert name as your alerting tool sends it." />
      )}
    </>
  );
}
