import type { Metadata } from "next";
import { ChangesTabs } from "@/components/changes/changes-tabs";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { describeRule } from "@/lib/changes/pattern-rules";
import { listPatterns } from "@/lib/changes/queries";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Deployment patterns" };

export default async function PatternsPage() {
  const person = await requirePerson();
  requirePermission(person, "changes.read");
  const patterns = await listPatterns(db());
  return (
    <>
      <PageHeader
        title="Deployment patterns"
        description="Pre-approved standard changes. A service earns them through its track record and loses them after failures; the gate evaluates the rules on every deployment."
        actions={can(person, "patterns.manage") ? <ButtonLink href="/changes/patterns/new" variant="primary">New pattern</ButtonLink> : null}
      />
      <ChangesTabs current="/changes/patterns" />
      {patterns.length ? (
        <Table caption="Deployment patterns" captionHidden>
          <THead><tr><TH>Pattern</TH><TH>Covers</TH><TH>Rules</TH><TH>Standard changes</TH></tr></THead>
          <TBody>
            {patterns.map((pattern) => (
              <TR key={pattern.id}>
                <TD><TextLink href={`/changes/patterns/${pattern.slug}`}>{pattern.name}</TextLink><div className="text-xs text-fg-muted">{pattern.description}</div></TD>
                <TD className="text-xs text-fg-muted">
                  {pattern.serviceIds.length ? `${pattern.serviceIds.length} services` : "any service"}, {pattern.teamIds.length ? `${pattern.teamIds.length} teams` : "any team"},{" "}
                  {pattern.tiers.length ? pattern.tiers.map((tier) => tier.replace("TIER_", "tier ")).join("/") : "any tier"}, {pattern.environmentIds.length ? `${pattern.environmentIds.length} environments` : "any environment"}
                </TD>
                <TD>{pattern.rules ? <ul className="list-disc pl-4 text-xs">{pattern.rules.map((rule) => <li key={rule.kind}>{describeRule(rule)}</li>)}</ul> : <Badge tone="danger">Unreadable rules</Badge>}</TD>
                <TD className="tabular-nums">{pattern._count.changes}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      ) : (
        <EmptyState title="No deployment patterns yet" description="Without patterns every production deployment needs a normal change: change treacle. Create one for routine, low-risk deployments." />
      )}
    </>
  );
}
