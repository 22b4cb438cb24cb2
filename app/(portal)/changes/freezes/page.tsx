import type { Metadata } from "next";
import { ChangesTabs } from "@/components/changes/changes-tabs";
import { FreezeForm } from "@/components/changes/freeze-form";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { changeFormOptions, listFreezes } from "@/lib/changes/queries";
import { db } from "@/lib/db";
import { deleteFreezeAction, saveFreezeAction } from "../actions";

export const metadata: Metadata = { title: "Freeze windows" };

export default async function FreezesPage() {
  const person = await requirePerson();
  requirePermission(person, "changes.read");
  const now = new Date();
  const [freezes, options] = await Promise.all([listFreezes(db(), now), changeFormOptions(db())]);
  const manage = can(person, "freezes.manage");
  return (
    <>
      <PageHeader title="Freeze windows" description="No changes during a freeze, except emergency changes: the gate denies everything else." />
      <ChangesTabs current="/changes/freezes" />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          {freezes.length ? (
            <Table caption="Freeze windows" captionHidden>
              <THead><tr><TH>Freeze</TH><TH>Covers</TH><TH>When</TH>{manage ? <TH><span className="sr-only">Actions</span></TH> : null}</tr></THead>
              <TBody>
                {freezes.map((freeze) => {
                  const active = freeze.startsAt <= now && freeze.endsAt > now;
                  const ended = freeze.endsAt <= now;
                  return (
                    <TR key={freeze.id}>
                      <TD><strong>{freeze.name}</strong> {active ? <Badge tone="danger">In force</Badge> : ended ? <Badge tone="neutral">Ended</Badge> : null}<div className="text-xs text-fg-muted">{freeze.reason}</div></TD>
                      <TD>{freeze.scope === "ORGANISATION" ? "The whole organisation" : `${freeze.scope.toLowerCase()}: ${(freeze.service ?? freeze.team ?? freeze.domain)?.name ?? "—"}`}</TD>
                      <TD className="text-xs whitespace-nowrap"><DateTime value={freeze.startsAt} /><br />to <DateTime value={freeze.endsAt} /></TD>
                      {manage ? <TD><ActionForm action={deleteFreezeAction.bind(null, freeze.id)} submitLabel="Remove" submitVariant="ghost" submitSize="sm" submitAccessibleName={`Remove ${freeze.name}`} confirm={`Remove the freeze "${freeze.name}"?`} className="" /></TD> : null}
                    </TR>
                  );
                })}
              </TBody>
            </Table>
          ) : <EmptyState title="No freeze windows" description="Declare one around peak trading, migrations or holidays." />}
        </div>
        {manage ? (
          <Card aria-labelledby="new-freeze-title">
            <CardHeader titleId="new-freeze-title" title="Declare a freeze" />
            <CardContent>
              <FreezeForm action={saveFreezeAction} services={options.services} teams={options.teams} domains={options.domains} />
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
