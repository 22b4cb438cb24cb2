import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LinkReleaseForm } from "@/components/hypotheses/link-release-form";
import { RecordResultForm } from "@/components/hypotheses/record-result-form";
import { ReleaseCosts } from "@/components/hypotheses/release-costs";
import { HypothesisStatusBadge } from "@/components/hypotheses/status-badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { db } from "@/lib/db";
import { hypothesisPage } from "@/lib/hypotheses/queries";
import { decisionRefusal } from "@/lib/hypotheses/rules";
import { linkDeploymentAction, recordResultAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }): Promise<Metadata> {
  return { title: `HYP-${(await params).number}` };
}

export default async function HypothesisPage({ params }: { params: Promise<{ slug: string; number: string }> }) {
  const person = await requirePerson();
  requirePermission(person, "hypotheses.read");
  const { slug, number } = await params;
  if (!/^\d{1,9}$/.test(number)) notFound();
  const now = new Date();
  const page = await hypothesisPage(db(), slug, Number(number), now);
  if (!page) notFound();
  const { service, hypothesis: h, choices } = page;
  const mayManage = !service.archived && can(person, "hypotheses.manage", { teamId: service.teamId, serviceId: service.id });
  const refusal = decisionRefusal({ measureBy: h.measureBy, result: h.status === "OPEN" || h.status === "DUE" ? null : h.status }, now);
  return (
    <>
      <PageHeader
        eyebrow={<TextLink href={`/services/${service.slug}`}>← {service.name}</TextLink>}
        title={<span className="flex flex-wrap items-center gap-2">{h.label}<HypothesisStatusBadge status={h.status} /></span>}
        description={h.sentence}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card aria-labelledby="releases-title">
            <CardHeader titleId="releases-title" title="Releases that shipped it"
              description="Each release's cost: the unavailability of the incidents whose confirmed cause it is, against the 28-day error budget of the target it shipped under." />
            <CardContent className="space-y-4">
              <ReleaseCosts releases={h.releases} />
              <p className="text-sm text-fg-muted">Together: <span className="tabular-nums">{h.totalMinutes} min</span> of unavailability.</p>
              {mayManage ? (
                choices.length ? (
                  <LinkReleaseForm action={linkDeploymentAction.bind(null, h.id)}
                    options={choices.map((c) => ({ id: c.id, label: `${c.version} · ${c.environment} · ${c.shippedAt.toISOString().slice(0, 16).replace("T", " ")} UTC${c.status === "ROLLED_BACK" ? " (rolled back)" : ""}` }))} />
                ) : <p className="text-sm text-fg-muted">No other production release of {service.name} to link.</p>
              ) : null}
            </CardContent>
          </Card>
          <Card aria-labelledby="result-title">
            <CardHeader titleId="result-title" title="Result" />
            <CardContent className="space-y-3">
              {h.decidedAt ? (
                <>
                  <p className="text-sm"><HypothesisStatusBadge status={h.status} /> recorded by {h.decidedBy ?? "someone"} on <DateTime value={h.decidedAt} />.</p>
                  <blockquote className="whitespace-pre-line border-l-2 border-line pl-3 text-sm">{h.evidence}</blockquote>
                </>
              ) : refusal ? (
                <p className="text-sm text-fg-muted">{refusal}</p>
              ) : mayManage ? (
                <RecordResultForm action={recordResultAction.bind(null, h.id)} />
              ) : (
                <p className="text-sm text-fg-muted">The result is due: {h.owner.name} records it.</p>
              )}
            </CardContent>
          </Card>
        </div>
        <Card aria-labelledby="about-title" className="h-fit">
          <CardHeader titleId="about-title" title="About" as="h2" />
          <CardContent>
            <dl className="space-y-2 text-sm">
              <div><dt className="text-fg-muted">Owner</dt><dd>{h.owner.name}</dd></div>
              <div><dt className="text-fg-muted">Capability</dt><dd>{h.capability}</dd></div>
              <div><dt className="text-fg-muted">Outcome</dt><dd>{h.outcome}</dd></div>
              <div><dt className="text-fg-muted">Metric</dt><dd>{h.metric}, by {h.amount}</dd></div>
              <div><dt className="text-fg-muted">Measure by</dt><dd>{h.measureBy.toISOString().slice(0, 10)}</dd></div>
            </dl>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
