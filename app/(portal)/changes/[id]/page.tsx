import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EntityHistoryCard } from "@/components/audit/entity-history";
import { ChangeStateBadge, ChangeTypeBadge } from "@/components/changes/change-badges";
import { ChangeFacts } from "@/components/changes/change-facts";
import { RiskCard } from "@/components/changes/risk-card";
import { VerdictList } from "@/components/changes/verdict-list";
import { StatusBadge } from "@/components/deployments/status-badge";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { listEntityHistory } from "@/lib/audit/queries";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { getChange } from "@/lib/changes/queries";
import { canMove } from "@/lib/changes/state-machine";
import { db } from "@/lib/db";
import { cancelChangeAction, commentAction, decideChangeAction, reviewAction, submitChangeAction } from "../actions";

export const metadata: Metadata = { title: "Change" };

const textarea = "block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm";

export default async function ChangePage({ params }: { params: Promise<{ id: string }> }) {
  const person = await requirePerson();
  requirePermission(person, "changes.read");
  const { id } = await params;
  const [change, history] = await Promise.all([getChange(db(), id), listEntityHistory(db(), "ChangeRequest", id, 50)]);
  if (!change) notFound();
  const owner = can(person, "changes.raise", { teamId: change.service.teamId });
  const isRequester = change.requesterId === person.id;
  const mayVote = can(person, "changes.approve") && change.type === "NORMAL" && change.state === "SUBMITTED" && !isRequester;
  const mayReview = can(person, "changes.review-emergency") && change.type === "EMERGENCY" && !change.reviewedAt && !isRequester;
  const approvals = change.approvals.filter((vote) => vote.decision === "APPROVE").length;
  return (
    <>
      <PageHeader
        eyebrow={<TextLink href="/changes">← Changes</TextLink>}
        title={<span className="flex flex-wrap items-center gap-2">CHG-{change.number}: {change.summary} <ChangeTypeBadge type={change.type} /> <ChangeStateBadge state={change.state} /></span>}
        actions={can(person, "changes.evidence") ? <ButtonLink href={`/changes/${change.id}/evidence`}>Evidence pack</ButtonLink> : null}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {owner && (change.state === "DRAFT" || canMove(change.state, "CANCELLED")) ? (
            <div className="flex flex-wrap gap-3">
              {change.state === "DRAFT" ? <ActionForm action={submitChangeAction.bind(null, change.id)} submitLabel="Submit to the CAB" className="space-y-2" /> : null}
              {canMove(change.state, "CANCELLED") ? <ActionForm action={cancelChangeAction.bind(null, change.id)} submitLabel="Cancel change" submitVariant="secondary" confirm="Cancel this change?" className="space-y-2" /> : null}
            </div>
          ) : null}
          <RiskCard risk={change.risk} stored={change.riskScore} />
          <Card aria-labelledby="plans-title">
            <CardHeader titleId="plans-title" title="What and how" />
            <CardContent className="space-y-4 text-sm">
              {change.description ? <p className="whitespace-pre-wrap">{change.description}</p> : null}
              <div><h3 className="font-medium">Implementation plan</h3><p className="whitespace-pre-wrap text-fg-muted">{change.implementationPlan || "—"}</p></div>
              <div><h3 className="font-medium">Rollback plan</h3><p className="whitespace-pre-wrap text-fg-muted">{change.rollbackPlan || "—"}</p></div>
            </CardContent>
          </Card>
          {change.type === "NORMAL" ? (
            <Card aria-labelledby="cab-title">
              <CardHeader titleId="cab-title" title={`CAB decision (${approvals} of ${change.cab.quorum} approvals needed)`} description="Change managers vote with a reason; nobody approves their own change; one rejection rejects." />
              <CardContent className="space-y-4">
                {change.approvals.length ? (
                  <ul className="space-y-2 text-sm">
                    {change.approvals.map((vote) => (
                      <li key={vote.id}>
                        <Badge tone={vote.decision === "APPROVE" ? "success" : "danger"}>{vote.decision === "APPROVE" ? "Approved" : "Rejected"}</Badge>{" "}
                        <strong>{vote.person.name}</strong> <DateTime value={vote.createdAt} className="text-xs text-fg-muted" />: {vote.reason}
                      </li>
                    ))}
                  </ul>
                ) : <p className="text-sm text-fg-muted">No votes yet.</p>}
                {mayVote ? (
                  <ActionForm action={decideChangeAction.bind(null, change.id)} submitLabel="Record decision" labels={{ decision: "Decision", reason: "Reason" }}>
                    <fieldset className="flex gap-4 text-sm">
                      <legend className="mb-1 font-medium">Decision</legend>
                      <label className="flex items-center gap-2"><input type="radio" name="decision" value="APPROVE" defaultChecked /> Approve</label>
                      <label className="flex items-center gap-2"><input type="radio" name="decision" value="REJECT" /> Reject</label>
                    </fieldset>
                    <label htmlFor="reason" className="block text-sm font-medium">Reason</label>
                    <textarea id="reason" name="reason" rows={2} className={textarea} />
                  </ActionForm>
                ) : isRequester && change.state === "SUBMITTED" ? <p className="text-sm text-fg-muted">You raised this change, so another change manager decides.</p> : null}
              </CardContent>
            </Card>
          ) : null}
          {change.type === "EMERGENCY" ? (
            <Card aria-labelledby="review-title">
              <CardHeader titleId="review-title" title="Retrospective review" description="Emergency changes are implemented first and reviewed by a change manager afterwards." />
              <CardContent className="space-y-3 text-sm">
                {change.reviewedAt ? <p className="whitespace-pre-wrap">{change.reviewNotes}</p> : change.reviewOverdue ? <Badge tone="danger">Review overdue</Badge> : <Badge tone="warning">Review due</Badge>}
                {mayReview ? (
                  <ActionForm action={reviewAction.bind(null, change.id)} submitLabel="Record review" labels={{ notes: "Review notes" }}>
                    <label htmlFor="notes" className="block text-sm font-medium">Review notes</label>
                    <textarea id="notes" name="notes" rows={3} className={textarea} />
                  </ActionForm>
                ) : null}
              </CardContent>
            </Card>
          ) : null}
          <Card aria-labelledby="deployments-title">
            <CardHeader titleId="deployments-title" title={`Deployments (${change.deployments.length})`} description="Linked when the pipeline reports this service, environment and version." />
            <CardContent>
              {change.deployments.length ? (
                <ul className="space-y-2 text-sm">
                  {change.deployments.map((deployment) => (
                    <li key={deployment.id} className="flex flex-wrap items-center gap-2">
                      <TextLink href={`/deployments/${deployment.id}`} className="font-mono">{deployment.version}</TextLink>
                      <StatusBadge status={deployment.status} />
                      {deployment.requiredChecksStatus ? <Badge tone={deployment.requiredChecksStatus === "PASSED" ? "success" : deployment.requiredChecksStatus === "PENDING" ? "info" : "danger"}>Required checks {deployment.requiredChecksStatus.toLowerCase()}</Badge> : null}
                      {deployment.flags.map((flag) => <Badge key={flag.kind} tone="danger">{flag.message}</Badge>)}
                      <DateTime value={deployment.startedAt} className="text-xs text-fg-muted" />
                    </li>
                  ))}
                </ul>
              ) : <p className="text-sm text-fg-muted">Not deployed yet.</p>}
            </CardContent>
          </Card>
          {change.gateDecisions.length ? (
            <Card aria-labelledby="gate-title">
              <CardHeader titleId="gate-title" title="Gate decisions" />
              <CardContent className="space-y-4">
                {change.gateDecisions.map((decision) => (
                  <div key={decision.id} className="space-y-2">
                    <p className="text-sm"><Badge tone={decision.outcome === "ALLOW" ? "success" : "danger"}>{decision.outcome === "ALLOW" ? "Allowed" : "Denied"}</Badge> for {decision.actorLabel} <DateTime value={decision.createdAt} className="text-xs text-fg-muted" /></p>
                    <VerdictList verdicts={decision.reasons as never} />
                  </div>
                ))}
              </CardContent>
            </Card>
          ) : null}
          <Card aria-labelledby="comments-title">
            <CardHeader titleId="comments-title" title={`Comments (${change.comments.length})`} />
            <CardContent className="space-y-4">
              <ul className="space-y-3 text-sm">
                {change.comments.map((comment) => (
                  <li key={comment.id}><strong>{comment.authorLabel}</strong> <DateTime value={comment.createdAt} className="text-xs text-fg-muted" /><p className="whitespace-pre-wrap">{comment.body}</p></li>
                ))}
              </ul>
              <ActionForm action={commentAction.bind(null, change.id)} submitLabel="Add comment" submitVariant="secondary" labels={{ body: "Comment" }}>
                <label htmlFor="body" className="block text-sm font-medium">Comment</label>
                <textarea id="body" name="body" rows={2} className={textarea} />
              </ActionForm>
            </CardContent>
          </Card>
          <EntityHistoryCard events={history} />
        </div>
        <ChangeFacts change={change} />
      </div>
    </>
  );
}
