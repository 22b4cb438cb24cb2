import { DateTime } from "@/components/ui/date-time";
import { TextLink } from "@/components/ui/text-link";
import type { IncidentRow } from "@/lib/incidents/queries";
import { ImpactBadge, IncidentStatusBadge } from "./incident-badges";

const SOURCE: Record<string, string> = { PORTAL: "Declared", API: "API", ALERTMANAGER: "Alertmanager", PAGERDUTY: "PagerDuty events" };

/** Incidents as a table: number and title, impact, status, service and team, when. */
export function IncidentTable({ incidents, caption }: { incidents: IncidentRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-surface-muted text-xs uppercase tracking-wide text-fg-muted">
          <tr>
            <th scope="col" className="px-3 py-2">Incident</th>
            <th scope="col" className="px-3 py-2">Impact</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2">Service</th>
            <th scope="col" className="px-3 py-2">Triggered</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {incidents.map((incident) => (
            <tr key={incident.id}>
              <td className="px-3 py-2">
                <TextLink href={`/incidents/${incident.id}`} className="font-medium">INC-{incident.number}</TextLink>{" "}
                <span>{incident.title}</span>
                <span className="block text-xs text-fg-muted">{SOURCE[incident.source] ?? incident.source}{incident.heldUntil && !incident.acknowledgedAt ? " · held until the next working day" : ""}</span>
              </td>
              <td className="px-3 py-2"><ImpactBadge impact={incident.impact} /></td>
              <td className="px-3 py-2"><IncidentStatusBadge status={incident.status} /></td>
              <td className="px-3 py-2">
                <TextLink href={`/services/${incident.service.slug}`}>{incident.service.name}</TextLink>
                {incident._count.services > 1 ? <span className="text-fg-muted"> +{incident._count.services - 1}</span> : null}
                <span className="block text-xs text-fg-muted">{incident.team.name}</span>
              </td>
              <td className="px-3 py-2 whitespace-nowrap"><DateTime value={incident.triggeredAt} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
