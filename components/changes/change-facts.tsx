import type { ReactNode } from "react";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { TextLink } from "@/components/ui/text-link";
import type { ChangeDetail } from "@/lib/changes/queries";

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-fg-muted">{term}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

const when = (value: Date | null) => (value ? <DateTime value={value} /> : "—");

export function ChangeFacts({ change }: { change: ChangeDetail }) {
  return (
    <Card aria-labelledby="facts-title">
      <CardHeader titleId="facts-title" title="Facts" />
      <CardContent>
        <dl className="space-y-3">
          <Fact term="Service"><TextLink href={`/services/${change.service.slug}`}>{change.service.name}</TextLink> ({change.service.team.name})</Fact>
          <Fact term="Environment">{change.environment.name}</Fact>
          <Fact term="Version"><span className="font-mono">{change.version ?? "—"}</span></Fact>
          <Fact term="Planned">{when(change.plannedStart)}{change.plannedEnd ? <> to {when(change.plannedEnd)}</> : null}</Fact>
          <Fact term="Requested by">{change.requesterLabel}</Fact>
          {change.pattern ? <Fact term="Pattern"><TextLink href={`/changes/patterns/${change.pattern.slug}`}>{change.pattern.name}</TextLink></Fact> : null}
          <Fact term="Submitted">{when(change.submittedAt)}</Fact>
          <Fact term="Decided">{when(change.decidedAt)}{change.decisionReason ? <p className="text-fg-muted">{change.decisionReason}</p> : null}</Fact>
          <Fact term="Implemented">{when(change.implementedAt)}</Fact>
          <Fact term="Closed">{when(change.closedAt)}</Fact>
          {change.failureReason ? <Fact term="Why it failed">{change.failureReason}</Fact> : null}
          {change.type === "EMERGENCY" ? (
            <Fact term="Retrospective review">
              {change.reviewedAt ? <>Done <DateTime value={change.reviewedAt} /> by {change.reviewedBy?.name ?? "the operator"}</> : <>Due {when(change.reviewDueAt)}{change.reviewOverdue ? <strong className="text-danger-fg"> (overdue)</strong> : null}</>}
            </Fact>
          ) : null}
        </dl>
      </CardContent>
    </Card>
  );
}
