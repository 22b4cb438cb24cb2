import type { Metadata } from "next";
import { ChangesTabs } from "@/components/changes/changes-tabs";
import { RequiredCheckForm } from "@/components/changes/required-check-form";
import { ActionForm } from "@/components/ui/action-form";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { changeFormOptions, listRequiredChecks } from "@/lib/changes/queries";
import { db } from "@/lib/db";
import { removeRequiredCheckAction, setRequiredCheckAction } from "../actions";

export const metadata: Metadata = { title: "Required health checks" };

export default async function RequiredChecksPage() {
  const person = await requirePerson();
  requirePermission(person, "changes.read");
  const [checks, options] = await Promise.all([listRequiredChecks(db()), changeFormOptions(db())]);
  const manage = can(person, "required-checks.manage");
  return (
    <>
      <PageHeader
        title="Required health checks"
        description="Checks a pipeline must report as passing within T minutes of a successful production deployment. A missing or failing check flags the deployment, fails its change and counts against the service's eligibility."
      />
      <ChangesTabs current="/changes/checks" />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          {checks.length ? (
            <Table caption="Required health checks" captionHidden>
              <THead><tr><TH>Check</TH><TH>Required for</TH><TH>Within</TH>{manage ? <TH><span className="sr-only">Actions</span></TH> : null}</tr></THead>
              <TBody>
                {checks.map((check) => (
                  <TR key={check.id}>
                    <TD className="font-mono">{check.name}</TD>
                    <TD>{check.service ? <TextLink href={`/services/${check.service.slug}`}>{check.service.name}</TextLink> : check.pattern ? <>Pattern <TextLink href={`/changes/patterns/${check.pattern.slug}`}>{check.pattern.name}</TextLink></> : "—"}</TD>
                    <TD className="tabular-nums">{check.deadlineMinutes} min</TD>
                    {manage ? <TD><ActionForm action={removeRequiredCheckAction.bind(null, check.id)} submitLabel="Remove" submitVariant="ghost" submitSize="sm" submitAccessibleName={`Remove ${check.name}`} className="" /></TD> : null}
                  </TR>
                ))}
              </TBody>
            </Table>
          ) : <EmptyState title="No required checks" description="Ask teams for smoke tests after each production deployment." />}
        </div>
        {manage ? (
          <Card aria-labelledby="new-check-title">
            <CardHeader titleId="new-check-title" title="Require a check" />
            <CardContent><RequiredCheckForm action={setRequiredCheckAction} services={options.services} patterns={options.patterns} /></CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
