import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { VerdictBadge } from "@/components/changes/change-badges";
import { ChangesTabs } from "@/components/changes/changes-tabs";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { describeRule } from "@/lib/changes/pattern-rules";
import { getPattern, patternEligibility } from "@/lib/changes/queries";
import { db } from "@/lib/db";
import { archivePatternAction } from "../../actions";

export const metadata: Metadata = { title: "Deployment pattern" };

export default async function PatternPage({ params }: { params: Promise<{ slug: string }> }) {
  const person = await requirePerson();
  requirePermission(person, "changes.read");
  const pattern = await getPattern(db(), (await params).slug);
  if (!pattern) notFound();
  const rows = await patternEligibility(db(), pattern);
  const eligible = rows.filter((row) => row.eligible).length;
  const manage = can(person, "patterns.manage");
  return (
    <>
      <PageHeader
        eyebrow={<TextLink href="/changes/patterns">← Deployment patterns</TextLink>}
        title={<span className="flex items-center gap-2">{pattern.name} {pattern.archivedAt ? <Badge>Archived</Badge> : null}</span>}
        description={pattern.description || undefined}
        actions={manage && !pattern.archivedAt ? (
          <div className="flex gap-2">
            <ButtonLink href={`/changes/patterns/${pattern.slug}/edit`}>Edit</ButtonLink>
            <ActionForm action={archivePatternAction.bind(null, pattern.id)} submitLabel="Archive" submitVariant="danger" confirm="Archive this pattern? Services lose its standard changes." className="" />
          </div>
        ) : null}
      />
      <ChangesTabs current="/changes/patterns" />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card aria-labelledby="rules-title">
          <CardHeader titleId="rules-title" title="Rules" description="Every rule must pass." />
          <CardContent>
            {pattern.rules ? <ul className="list-disc space-y-1 pl-4 text-sm">{pattern.rules.map((rule) => <li key={rule.kind}>{describeRule(rule)}</li>)}</ul> : <p className="text-sm text-danger-fg">The rules cannot be read.</p>}
            {pattern.requiredChecks.length ? (
              <>
                <h3 className="mt-4 text-sm font-medium">Required health checks</h3>
                <ul className="list-disc pl-4 text-sm">{pattern.requiredChecks.map((check) => <li key={check.id}>{check.name} within {check.deadlineMinutes} min</li>)}</ul>
              </>
            ) : null}
          </CardContent>
        </Card>
        <section aria-labelledby="eligibility-title" className="space-y-3 lg:col-span-2">
          <div>
            <h2 id="eligibility-title" className="text-base font-semibold">Which services are eligible now ({eligible} of {rows.length})</h2>
            <p className="text-sm text-fg-muted">As the gate would answer a pipeline asking now, rule by rule.</p>
          </div>
          {rows.length ? (
            <Table caption="Eligibility of covered services" captionHidden>
              <THead><tr><TH>Service</TH><TH>Eligible</TH><TH>Why</TH></tr></THead>
              <TBody>
                {rows.map((row) => (
                  <TR key={`${row.service.slug}-${row.environment.id}`}>
                    <TD><TextLink href={`/services/${row.service.slug}`}>{row.service.name}</TextLink><div className="text-xs text-fg-muted">{row.service.team} · {row.service.tier.replace("TIER_", "tier ")} · {row.environment.name}</div></TD>
                    <TD><Badge tone={row.eligible ? "success" : "danger"}>{row.eligible ? "Eligible" : "Not eligible"}</Badge></TD>
                    <TD>
                      <ul className="space-y-1 text-xs">
                        {row.verdicts.map((verdict) => <li key={verdict.rule} className="flex items-start gap-1.5"><VerdictBadge passed={verdict.passed} /> <span>{verdict.message}</span></li>)}
                      </ul>
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          ) : <EmptyState title="No services covered" description="Widen the coverage to include services." />}
        </section>
      </div>
    </>
  );
}
