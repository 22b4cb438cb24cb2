import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { TextLink } from "@/components/ui/text-link";
import { FLAG_LABELS } from "@/lib/changes/labels";
import type { deploymentChangeControl } from "@/lib/changes/queries";
import { ChangeStateBadge, ChangeTypeBadge } from "./change-badges";

export function DeploymentChangeCard({ control }: { control: NonNullable<Awaited<ReturnType<typeof deploymentChangeControl>>> }) {
  return (
    <Card aria-labelledby="change-control-title">
      <CardHeader titleId="change-control-title" title="Change control" />
      <CardContent className="space-y-3 text-sm">
        {control.flags.map((flag) => (
          <p key={flag.kind} role="note"><Badge tone="danger">Flagged: {FLAG_LABELS[flag.kind]}</Badge> <span className="text-fg-muted">{flag.message}</span></p>
        ))}
        {control.changeRequest ? (
          <p className="flex flex-wrap items-center gap-2">
            <TextLink href={`/changes/${control.changeRequest.id}`}>CHG-{control.changeRequest.number}</TextLink>
            <ChangeTypeBadge type={control.changeRequest.type} /> <ChangeStateBadge state={control.changeRequest.state} />
            <span className="text-fg-muted">{control.changeRequest.summary}</span>
          </p>
        ) : <p className="text-fg-muted">{control.environment.isProduction ? "No change request is linked." : "Non-production: no change needed."}</p>}
        {control.requiredChecksStatus ? (
          <p>
            Required health checks: <strong>{control.requiredChecksStatus.toLowerCase()}</strong>
            {control.requiredChecksDueAt ? <> (next deadline <DateTime value={control.requiredChecksDueAt} />)</> : null}
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
