import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { TextLink } from "@/components/ui/text-link";
import type { IncidentDetail } from "@/lib/incidents/queries";

const KIND: Record<string, { label: string; tone: BadgeTone }> = {
  DECLARED: { label: "Raised", tone: "danger" }, STATUS: { label: "Status", tone: "info" }, UPDATE: { label: "Update", tone: "neutral" },
  IMPACT: { label: "Impact", tone: "warning" }, REASSIGNED: { label: "Reassigned", tone: "warning" }, ROLE: { label: "Role", tone: "neutral" },
  PAGE: { label: "Paged", tone: "brand" }, ACKNOWLEDGED: { label: "Acknowledged", tone: "success" }, ESCALATED: { label: "Escalated", tone: "danger" },
  ALERT: { label: "Alert", tone: "warning" }, DEPLOYMENT: { label: "Deployment", tone: "info" }, AVAILABILITY: { label: "Availability", tone: "info" },
  HELD: { label: "Held", tone: "warning" },
};

/** Only http(s) links are followed: an alert's generatorURL comes from outside. */
const safeHref = (url: string | null) => (url && (/^https?:\/\//i.test(url) || url.startsWith("/")) ? url : null);

export function IncidentTimeline({ entries, total }: { entries: IncidentDetail["timeline"]; total: number }) {
  return (
    <ol className="space-y-3" aria-label="Timeline">
      {entries.map((entry) => {
        const kind = KIND[entry.kind] ?? { label: entry.kind, tone: "neutral" as const };
        const href = safeHref(entry.url);
        return (
          <li key={entry.id} className="grid gap-1 border-l-2 border-line pl-3 text-sm sm:grid-cols-[11rem_1fr]">
            <DateTime value={entry.occurredAt} className="text-xs text-fg-muted tabular-nums" />
            <div className="space-y-1">
              <p><Badge tone={kind.tone}>{kind.label}</Badge> <span className="whitespace-pre-wrap">{entry.message}</span></p>
              {href ? <p><TextLink href={href} className="break-all text-xs">{href.startsWith("/") ? "Open" : href}</TextLink></p> : null}
            </div>
          </li>
        );
      })}
      {total > entries.length ? <li className="text-sm text-fg-muted">{total - entries.length} later entries are not shown.</li> : null}
    </ol>
  );
}
