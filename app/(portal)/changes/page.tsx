import type { Metadata } from "next";
import { ChangeListFilterForm } from "@/components/changes/change-list-filters";
import { ChangePager } from "@/components/changes/change-pager";
import { ChangeTable } from "@/components/changes/change-table";
import { ChangesTabs } from "@/components/changes/changes-tabs";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { parseChangeListParams } from "@/lib/changes/change-list";
import { changeListOptions, listChangesPage, overdueReviews } from "@/lib/changes/queries";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Changes" };

export default async function ChangesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const person = await requirePerson();
  requirePermission(person, "changes.read");
  const query = parseChangeListParams(await searchParams);
  const filtered = Object.keys(query.filters).length > 0;
  const [page, overdue, options] = await Promise.all([listChangesPage(db(), query), overdueReviews(db()), changeListOptions(db(), query.filters)]);
  const count = `${page.total.toLocaleString("en-GB")} ${page.total === 1 ? "change" : "changes"}${filtered ? " match the filters" : ""}`;
  return (
    <>
      <PageHeader
        title="Changes"
        description="Standard changes recorded by the deployment gate, normal changes through the CAB, and emergency changes reviewed afterwards."
        actions={<ButtonLink href="/changes/new" variant="primary">Raise a change</ButtonLink>}
      />
      <ChangesTabs current="/changes" />
      {overdue.length ? (
        <Card aria-labelledby="overdue-title" className="mb-6 border-amber-500">
          <CardHeader titleId="overdue-title" title={`Overdue emergency reviews (${overdue.length})`} description="Emergency changes whose retrospective review is past due." />
          <ChangeTable changes={overdue} caption="Overdue emergency reviews" />
        </Card>
      ) : null}
      <ChangeListFilterForm filters={query.filters} services={options.services} servicesNarrowed={options.servicesNarrowed} teams={options.teams} />
      <p className="mb-2 text-sm font-medium" role="status" id="change-count">{count}</p>
      {page.items.length ? (
        <>
          <ChangeTable changes={page.items} caption={`Change requests, newest first: ${count}`} />
          <ChangePager filters={query.filters} previous={page.previous} next={page.next} />
        </>
      ) : (
        <CardContent><EmptyState title="No changes match" description="Pipelines record standard changes at the gate; raise a normal change for anything else." /></CardContent>
      )}
    </>
  );
}
