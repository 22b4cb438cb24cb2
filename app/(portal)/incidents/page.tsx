import type { Metadata } from "next";
import { IncidentFilterForm } from "@/components/incidents/incident-filters";
import { IncidentTable } from "@/components/incidents/incident-table";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { db } from "@/lib/db";
import { firstValues } from "@/lib/deployments/search-params";
import { countIncidents, listIncidents, type IncidentFilters } from "@/lib/incidents/queries";
import { ZIncidentPageFilters } from "@/lib/incidents/schemas";
import { decodeCursor, encodeCursor } from "@/lib/validation/keyset-cursor";

export const metadata: Metadata = { title: "Incidents" };

/** Past incidents a page; open ones are all shown first (there are few, and they matter now). */
const LIMIT = 40;
const OPEN_SHOWN = 100;

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const person = await requirePerson();
  requirePermission(person, "incidents.read");
  const params = firstValues(await searchParams);
  const filters: IncidentFilters = Object.fromEntries(Object.entries(ZIncidentPageFilters.parse(params)).filter(([, value]) => value !== undefined && value !== ""));
  const olderThan = decodeCursor(params.after) ?? undefined;
  // Without a status filter the page is PagerDuty's: every open incident on top, then the past ones paged.
  const split = !filters.status;
  const pastFilters: IncidentFilters = split ? { ...filters, status: "past" } : filters;
  const [open, openCount, rows, count, teams] = await Promise.all([
    split && !olderThan ? listIncidents(db(), { ...filters, status: "open" }, { limit: OPEN_SHOWN }) : Promise.resolve([]),
    split && !olderThan ? countIncidents(db(), { ...filters, status: "open" }) : Promise.resolve(0),
    listIncidents(db(), pastFilters, { olderThan, limit: LIMIT + 1 }),
    countIncidents(db(), pastFilters),
    db().team.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
  ]);
  const past = rows.slice(0, LIMIT);
  const last = rows.length > LIMIT ? past.at(-1) : undefined;
  const query = (after?: string) => `/incidents?${new URLSearchParams({ ...(filters as Record<string, string>), ...(after ? { after } : {}) })}`;
  return (
    <>
      <PageHeader
        title="Incidents"
        description="Raised by people and by the alerting tools teams already run; the responding team is paged from its rota."
        actions={
          <>
            <ButtonLink href="/reviews">Reviews and learning library</ButtonLink>
            {can(person, "incidents.declare") ? <ButtonLink variant="primary" href="/incidents/new">Declare an incident</ButtonLink> : null}
          </>
        }
      />
      <IncidentFilterForm filters={filters} teams={teams} />
      {split && !olderThan ? (
        <section aria-labelledby="open-title" className="mb-8">
          <h2 id="open-title" className="mb-2 text-lg font-semibold">Open ({openCount})</h2>
          {open.length ? <IncidentTable incidents={open} caption="Open incidents, newest first" /> : <p className="text-sm text-fg-muted">No open incidents{Object.keys(filters).length ? " match" : ""}.</p>}
          {openCount > open.length ? <p className="mt-2 text-sm text-fg-muted">Showing the newest {open.length}; filter by team or service to see the rest.</p> : null}
        </section>
      ) : null}
      <section aria-labelledby="past-title">
        <h2 id="past-title" className="mb-2 text-lg font-semibold" aria-live="polite">
          {split ? "Resolved and closed" : "Incidents"} ({count}){olderThan ? ", older ones" : ""}
        </h2>
        {past.length ? (
          <>
            <IncidentTable incidents={past} caption={split ? "Resolved and closed incidents, newest first" : "Incidents, newest first"} />
            <nav aria-label="Pages of incidents" className="mt-4 flex justify-between gap-3 text-sm">
              {olderThan ? <a className="rounded-md border border-line px-3 py-1.5 font-medium hover:bg-surface-muted" href={query()}>← Newest incidents</a> : <span />}
              {last ? <a className="rounded-md border border-line px-3 py-1.5 font-medium hover:bg-surface-muted" rel="next" href={query(encodeCursor({ at: last.triggeredAt, id: last.id }))}>Older incidents →</a> : null}
            </nav>
          </>
        ) : (
          <EmptyState title="No incidents match" description="Point your alerting at Runwell (docs/INTEGRATIONS.md), or declare one when something is wrong." />
        )}
      </section>
    </>
  );
}
