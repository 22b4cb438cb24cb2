import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { TextLink } from "@/components/ui/text-link";
import { IMPACT_WORDS } from "@/lib/incidents/impact";
import type { IncidentDetail } from "@/lib/incidents/queries";
import type { MoneyUnit } from "@/lib/money/currency";
import { formatAmount } from "@/lib/money/format-money";

const SOURCE: Record<string, string> = { PORTAL: "Declared in Runwell", API: "Incident API", ALERTMANAGER: "Prometheus Alertmanager", PAGERDUTY: "PagerDuty Events API v2" };
const minutesBetween = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));
const duration = (minutes: number) => (minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`);

export function IncidentFacts({ incident, unit, now }: { incident: IncidentDetail; unit: MoneyUnit; now: Date }) {
  const words = IMPACT_WORDS[incident.impact];
  const down = incident.availabilityRegainedAt ?? now;
  const rows: [string, React.ReactNode][] = [
    ["Responding", <><TextLink href={`/teams/${incident.team.slug}`}>{incident.team.name}</TextLink> for <TextLink href={`/services/${incident.service.slug}`}>{incident.service.name}</TextLink>{incident.team.chatChannel ? <span className="block text-fg-muted">{incident.team.chatChannel}</span> : null}</>],
    ["Affected", <ul key="affected">{incident.services.map(({ service }) => <li key={service.id}><TextLink href={`/services/${service.slug}`}>{service.name}</TextLink> <span className="text-fg-muted">({service.team.name})</span></li>)}</ul>],
    ["Impact", `${words.label}: ${words.priority}, ${words.restore}`],
    ...(incident.lossPerHour !== null ? [["Estimated loss", `${formatAmount(incident.lossPerHour, unit)} an hour`] as [string, React.ReactNode]] : []),
    ["Raised", <>{SOURCE[incident.source] ?? incident.source}{incident.declaredBy ? ` by ${incident.declaredBy.name}` : ""}{incident.externalId ? <span className="block font-mono text-xs text-fg-muted">{incident.externalId}</span> : null}</>],
    ["Triggered", <DateTime key="t" value={incident.triggeredAt} />],
    ["Acknowledged", incident.acknowledgedAt ? <><DateTime value={incident.acknowledgedAt} /> <span className="text-fg-muted">(after {duration(minutesBetween(incident.triggeredAt, incident.acknowledgedAt))})</span></> : "—"],
    ["Mitigated", incident.mitigatedAt ? <DateTime key="m" value={incident.mitigatedAt} /> : "—"],
    ["Resolved", incident.resolvedAt ? <DateTime key="r" value={incident.resolvedAt} /> : "—"],
    ["Unavailable", <><DateTime value={incident.availabilityLostAt} /> – {incident.availabilityRegainedAt ? <DateTime value={incident.availabilityRegainedAt} /> : "still unavailable"} <span className="block text-fg-muted">{duration(minutesBetween(incident.availabilityLostAt, down))} against the availability target</span></>],
  ];
  return (
    <Card aria-labelledby="facts-title">
      <CardHeader titleId="facts-title" title="Facts" />
      <CardContent>
        <dl className="space-y-3 text-sm">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt className="font-medium text-fg-muted">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
