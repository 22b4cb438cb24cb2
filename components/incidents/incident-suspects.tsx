import { StatusBadge } from "@/components/deployments/status-badge";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { TextLink } from "@/components/ui/text-link";
import type { FormState } from "@/lib/forms/initial-form-state";
import type { IncidentDetail } from "@/lib/incidents/queries";
import { SUSPECT_WINDOW_HOURS } from "@/lib/incidents/suspects";

/** Production deployments of the affected services just before the incident: confirm the cause. */
export function IncidentSuspects({ incident, confirm }: { incident: IncidentDetail; confirm: ((state: FormState, formData: FormData) => Promise<FormState>) | null }) {
  return (
    <Card aria-labelledby="suspects-title">
      <CardHeader titleId="suspects-title" title="Suspect deployments" description={`Production deployments of the affected services in the ${SUSPECT_WINDOW_HOURS} hours before it began, newest first. A confirmed cause counts in the change failure rate and in standard-change eligibility.`} />
      <CardContent>
        {incident.suspects.length ? (
          <ul className="space-y-3 text-sm">
            {incident.suspects.map((suspect) => {
              const isCause = suspect.id === incident.causeDeploymentId;
              return (
                <li key={suspect.id} className="flex flex-wrap items-center gap-2">
                  <TextLink href={`/deployments/${suspect.id}`} className="font-mono">{suspect.service.name} {suspect.version}</TextLink>
                  <StatusBadge status={suspect.status} />
                  {isCause ? <Badge tone="danger">Confirmed cause</Badge> : null}
                  {suspect.change ? <TextLink href={`/changes/${suspect.change.id}`}>CHG-{suspect.change.number}</TextLink> : <span className="text-fg-muted">no change</span>}
                  <DateTime value={suspect.startedAt} className="text-xs text-fg-muted" />
                  {suspect.deployer ? <span className="text-xs text-fg-muted">by {suspect.deployer}</span> : null}
                  {confirm ? (
                    <ActionForm action={confirm} submitLabel={isCause ? "Not the cause" : "Confirm as cause"} submitVariant="secondary" submitSize="sm"
                      submitAccessibleName={`${isCause ? "Clear" : "Confirm"} ${suspect.service.name} ${suspect.version} as the cause`} className="inline">
                      {isCause ? null : <input type="hidden" name="deploymentId" value={suspect.id} />}
                    </ActionForm>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : <p className="text-sm text-fg-muted">No production deployment of these services in the {SUSPECT_WINDOW_HOURS} hours before.</p>}
      </CardContent>
    </Card>
  );
}
