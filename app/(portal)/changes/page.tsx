import type { Metadata } from "next";
import { ChangeTable } from "@/components/changes/change-table";
import { ChangesTabs } from "@/components/changes/changes-tabs";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { listChanges, overdueReviews } from "@/lib/changes/queries";
import { STATE_LABELS, type ChangeState } from "@/lib/changes/state-machine";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Changes" };

const STATES = Object.keys(STATE_LABELS) as ChangeState[];
const TYPES = ["STANDARD", "NORMAL", "EMERGENCY"] as const;

export default async function ChangesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const person = await requirePerson();
  requirePermission(person, "changes.read");
  const params = await searchParams;
  const state = STATES.includes(params.state as ChangeState) ? (params.state as ChangeState) : undefined;
  const type = TYPES.includes(params.type as (typeof TYPES)[number]) ? (params.type as (typeof TYPES)[number]) : undefined;
  const [changes, overdue] = await Promise.all([listChanges(db(), { state, type, service: params.service || undefined }), overdueReviews(db())]);
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
      <form className="mb-4 flex flex-wrap items-end gap-3 text-sm" method="get">
        <label className="space-y-1">
          <span className="block font-medium">State</span>
          <select name="state" defaultValue={state ?? ""} className="rounded-md border border-line bg-surface px-2 py-1.5">
            <option value="">Any</option>
            {STATES.map((value) => <option key={value} value={value}>{STATE_LABELS[value]}</option>)}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block font-medium">Type</span>
          <select name="type" defaultValue={type ?? ""} className="rounded-md border border-line bg-surface px-2 py-1.5">
            <option value="">Any</option>
            {TYPES.map((value) => <option key={value} value={value}>{value.charAt(0) + value.slice(1).toLowerCase()}</option>)}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-line px-3 py-1.5 font-medium">Filter</button>
      </form>
      {changes.length ? (
        <ChangeTable changes={changes} caption="Change requests" />
      ) : (
        <CardContent><EmptyState title="No changes match" description="Pipelines record standard changes at the gate; raise a normal change for anything else." /></CardContent>
      )}
    </>
  );
}
