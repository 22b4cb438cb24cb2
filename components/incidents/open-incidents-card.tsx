import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { TextLink } from "@/components/ui/text-link";
import type { IncidentRow } from "@/lib/incidents/queries";
import { ImpactBadge, IncidentStatusBadge } from "./incident-badges";

/** Open incidents affecting a service (or a person's teams), with a way to declare one. */
export function OpenIncidentsCard({ incidents, title = "Open incidents", declareHref, allHref, empty }: {
  incidents: IncidentRow[]; title?: string; declareHref: string | null; allHref: string; empty: string;
}) {
  return (
    <Card aria-labelledby="open-incidents-title">
      <CardHeader
        titleId="open-incidents-title"
        title={title}
        actions={declareHref ? <ButtonLink size="sm" href={declareHref}>Declare an incident</ButtonLink> : null}
      />
      <CardContent className="space-y-3 text-sm">
        {incidents.length ? (
          <ul className="space-y-2">
            {incidents.map((incident) => (
              <li key={incident.id} className="flex flex-wrap items-center gap-2">
                <TextLink href={`/incidents/${incident.id}`} className="font-medium">INC-{incident.number}</TextLink>
                <span>{incident.title}</span>
                <ImpactBadge impact={incident.impact} />
                <IncidentStatusBadge status={incident.status} />
                <span className="text-xs text-fg-muted">{incident.service.name} · <DateTime value={incident.triggeredAt} /></span>
              </li>
            ))}
          </ul>
        ) : <p className="text-fg-muted">{empty}</p>}
        <p><TextLink href={allHref}>All incidents</TextLink></p>
      </CardContent>
    </Card>
  );
}
