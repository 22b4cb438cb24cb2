import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/runbooks/action-button";
import { MarkdownView } from "@/components/runbooks/markdown-view";
import { ReviewBadge } from "@/components/runbooks/review-badge";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { db } from "@/lib/db";
import { runbookEditPath, runbookHistoryPath } from "@/lib/runbooks/paths";
import { getRunbook } from "@/lib/runbooks/queries";
import { renderMarkdownCached } from "@/lib/runbooks/render-cache";
import { markReviewedAction } from "../../actions";

type Params = { params: Promise<{ service: string; runbook: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { runbook } = await params;
  return { title: runbook };
}

export default async function RunbookPage({ params }: Params) {
  const person = await requirePerson();
  requirePermission(person, "runbooks.read");
  const { service: serviceSlug, runbook: runbookSlug } = await params;
  const runbook = await getRunbook(db(), serviceSlug, runbookSlug);
  if (!runbook) notFound();
  const mayEdit = can(person, "runbooks.edit", { teamId: runbook.service.team.id });
  return (
    <>
      <PageHeader
        eyebrow={<><TextLink href={`/services/${runbook.service.slug}`}>← {runbook.service.name}</TextLink> · Runbook</>}
        title={<span className="flex flex-wrap items-center gap-2">{runbook.title}<ReviewBadge review={runbook.review} /></span>}
        description={<>Revision {runbook.revision}{runbook.lastEditor ? <> by {runbook.lastEditor}</> : null}, <DateTime value={runbook.lastEditedAt} /></>}
        actions={
          <>
            <ButtonLink href={runbookHistoryPath(runbook.service.slug, runbook.slug)}>History</ButtonLink>
            {mayEdit ? <ButtonLink href={runbookEditPath(runbook.service.slug, runbook.slug)} variant="primary">Edit</ButtonLink> : null}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-4">
        <Card className="lg:col-span-3">
          <CardContent className="py-6">
            <MarkdownView html={renderMarkdownCached(runbook.body)} label="Runbook text" />
          </CardContent>
        </Card>
        <div className="space-y-6">
          <Card aria-labelledby="about-title">
            <CardHeader titleId="about-title" title="About" />
            <CardContent className="space-y-3 text-sm">
              <p><span className="text-fg-muted">Service:</span> <TextLink href={`/services/${runbook.service.slug}`}>{runbook.service.name}</TextLink></p>
              <p><span className="text-fg-muted">Team:</span> <TextLink href={`/teams/${runbook.service.team.slug}`}>{runbook.service.team.name}</TextLink></p>
              <p><span className="text-fg-muted">Owner:</span> {runbook.owner ? <TextLink href={`/people/${runbook.owner.id}`}>{runbook.owner.name}</TextLink> : runbook.service.team.name}</p>
              {runbook.tags.length ? <p className="flex flex-wrap gap-1"><span className="text-fg-muted">Tags:</span> {runbook.tags.map((tag) => <Badge key={tag}>{tag}</Badge>)}</p> : null}
              {runbook.alertNames.length ? (
                <p className="flex flex-wrap gap-1"><span className="text-fg-muted">Linked alerts:</span> {runbook.alertNames.map((alert) => <Badge key={alert} tone="info">{alert}</Badge>)}</p>
              ) : null}
            </CardContent>
          </Card>
          <Card aria-labelledby="review-title">
            <CardHeader titleId="review-title" title="Review" />
            <CardContent className="space-y-3 text-sm">
              <p>Last reviewed <DateTime value={runbook.lastReviewedAt} />; reviewed every {runbook.reviewIntervalDays} days.</p>
              <p>{runbook.review.stale ? <strong>The review is overdue.</strong> : <>Next review in {runbook.review.daysLeft} days.</>}</p>
              {mayEdit ? <ActionButton action={markReviewedAction.bind(null, runbook.id)} label="Mark reviewed" pendingLabel="Saving…" /> : null}
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
