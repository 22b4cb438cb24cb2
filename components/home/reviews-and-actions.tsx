// The product manager's learning loop on their home: reviews due and to schedule, how many major
// incidents were reviewed on time, and the improvement actions in their teams' backlogs with their age.
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { ReviewStatusBadge } from "@/components/reviews/review-bits";
import type { ImprovementAction } from "@/lib/backlog/queries";
import type { ReviewCandidate, ReviewCompletion, ReviewDue } from "@/lib/reviews/queries";

const days = (n: number) => `${Math.floor(n)} day${Math.floor(n) === 1 ? "" : "s"}`;

export function PmReviewsCard({ due, candidates, completion }: { due: ReviewDue[]; candidates: ReviewCandidate[]; completion: ReviewCompletion }) {
  const share = completion.share === null ? "—" : `${Math.round(completion.share * 100)}%`;
  return (
    <Card aria-labelledby="pm-reviews-heading" data-testid="pm-reviews">
      <CardHeader
        titleId="pm-reviews-heading"
        title="Post-incident reviews"
        description={`${share} of your teams' ${completion.majorIncidents} major incident${completion.majorIncidents === 1 ? "" : "s"} of the last ${completion.days} days had a review published by its due date.`}
        actions={<TextLink href="/reviews" className="text-sm">Learning library</TextLink>}
      />
      {due.length ? (
        <Table caption="Reviews in progress, soonest due first" captionHidden framed={false}>
          <THead><TR><TH>Review</TH><TH>Team</TH><TH>Status</TH><TH>Due</TH></TR></THead>
          <TBody>
            {due.map((review) => (
              <TR key={review.id}>
                <TD><TextLink href={review.href}>{review.label}</TextLink> {review.title}</TD>
                <TD>{review.team.name}</TD>
                <TD><ReviewStatusBadge status={review.status} /></TD>
                <TD className={review.overdue ? "font-medium text-danger-fg" : undefined}><DateTime value={review.dueAt} />{review.overdue ? " (overdue)" : ""}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      ) : (
        <CardContent><p className="text-sm text-fg-muted">No review is in progress for your teams.</p></CardContent>
      )}
      {candidates.length ? (
        <CardContent className="border-t border-line">
          <h3 className="text-sm font-medium">Incidents without a review</h3>
          <ul className="mt-2 space-y-1 text-sm">
            {candidates.slice(0, 5).map((candidate) => (
              <li key={candidate.incident.id}>
                <TextLink href={candidate.incident.href}>INC-{candidate.incident.number}</TextLink> {candidate.incident.title}{" "}
                <span className="text-fg-muted">({candidate.team.name}: {candidate.label.toLowerCase()})</span>
              </li>
            ))}
          </ul>
        </CardContent>
      ) : null}
    </Card>
  );
}

export function PmActionsCard({ actions }: { actions: ImprovementAction[] }) {
  const open = actions.filter((action) => action.item.status !== "DONE");
  const done = actions.filter((action) => action.item.status === "DONE" && action.leadTimeDays !== null);
  const medianLead = done.length ? [...done].sort((a, b) => a.leadTimeDays! - b.leadTimeDays!)[Math.floor((done.length - 1) / 2)]!.leadTimeDays : null;
  return (
    <Card aria-labelledby="pm-actions-heading" data-testid="pm-actions">
      <CardHeader
        titleId="pm-actions-heading"
        title="Improvement actions"
        description={`${open.length} open in your teams' backlogs, the oldest first${medianLead === null ? "." : `; those done lately took ${medianLead} days (median) from review to done.`}`}
      />
      {open.length ? (
        <Table caption="Open improvement actions, the oldest first" captionHidden framed={false}>
          <THead><TR><TH>Action</TH><TH>Team</TH><TH>From</TH><TH>Age</TH><TH>Flags</TH></TR></THead>
          <TBody>
            {open.slice(0, 10).map((action) => (
              <TR key={action.item.id}>
                <TD><TextLink href={`/teams/${action.team.slug}/backlog#item-${action.item.number}`}>BL-{action.item.number}</TextLink> {action.item.title}</TD>
                <TD>{action.team.name}</TD>
                <TD><TextLink href={`/reviews/${action.review.id}`}>PIR-{action.review.number}</TextLink></TD>
                <TD className="tabular-nums">{days(action.ageDays)}</TD>
                <TD className="space-x-1">
                  {action.overdue ? <Badge tone="danger">Overdue</Badge> : null}
                  {action.stuck ? <Badge tone="warning">Stuck</Badge> : null}
                  {action.repeatOf ? <Badge tone="warning">Raised before</Badge> : null}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      ) : (
        <CardContent><p className="text-sm text-fg-muted">No improvement action is open.</p></CardContent>
      )}
      {open.length > 10 ? <CardContent className="border-t border-line text-sm text-fg-muted">And {open.length - 10} more in the backlogs.</CardContent> : null}
    </Card>
  );
}
