import type { Metadata } from "next";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { ChainStatusCard } from "@/components/audit/chain-status";
import { ButtonLink, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { auditFilterOptions, listAuditEvents, ZAuditFilters } from "@/lib/audit/queries";
import { chainStatus } from "@/lib/audit/verify-audit-chain";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Audit trail" };

const EXPORTED_FILTERS = ["entityType", "entityId", "actor", "action", "service", "team"] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const person = await requirePerson();
  requirePermission(person, "audit.read");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v) || undefined]));
  // datetime-local inputs carry no zone; the page states UTC, so read them as UTC.
  const asUtc = (value?: string) => (value && !/[zZ]|[+-]\d\d:\d\d$/.test(value) ? `${value}Z` : value);
  const filters = ZAuditFilters.parse({ ...raw, from: asUtc(raw.from), to: asUtc(raw.to) });
  const [{ events, nextCursor }, options, status] = await Promise.all([
    listAuditEvents(db(), person, filters),
    auditFilterOptions(db(), { team: filters.team, service: filters.service }),
    chainStatus(db(), person),
  ]);
  const nextParams = new URLSearchParams({ ...Object.fromEntries(Object.entries(raw).filter(([, v]) => v) as [string, string][]), before: nextCursor ?? "" });
  // The downloads carry the filters on screen (not the page cursor): what you see is what you export.
  const exportParams = new URLSearchParams();
  for (const key of EXPORTED_FILTERS) if (filters[key]) exportParams.set(key, filters[key]);
  if (filters.from) exportParams.set("from", filters.from.toISOString());
  if (filters.to) exportParams.set("to", filters.to.toISOString());
  const exportHref = (format: "csv" | "json") => `/api/v1/audit/export?${new URLSearchParams([["format", format], ...exportParams]).toString()}`;
  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every change in Runwell, recorded in the same transaction as the change and chained with SHA-256 hashes so tampering shows."
        actions={
          can(person, "audit.export") ? (
            <>
              <a className={buttonClasses({ variant: "secondary" })} href={exportHref("csv")} download>Export CSV</a>
              <a className={buttonClasses({ variant: "secondary" })} href={exportHref("json")} download>Export JSON</a>
            </>
          ) : null
        }
      />
      <ChainStatusCard status={status} canVerify={can(person, "audit.verify")} />
      <AuditFilters values={raw} entityTypes={options.entityTypes} actions={options.actions} services={options.services} servicesNarrowed={options.servicesNarrowed} teams={options.teams} />
      {events.length ? <AuditTable events={events} /> : <EmptyState title="No events match" description="Clear the filters to see every event." />}
      {nextCursor ? (
        <div className="mt-4">
          <ButtonLink href={`/audit?${nextParams.toString()}`}>Older events</ButtonLink>
        </div>
      ) : null}
    </>
  );
}
