import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import type { AuditEventDto } from "@/lib/audit/queries";
import { describeChanges } from "@/lib/audit/describe-changes";

/** The audit trail of one entity, newest first, with what each event changed. */
export function EntityHistory({ events }: { events: AuditEventDto[] }) {
  if (events.length === 0) return <p className="text-sm text-fg-muted">No recorded changes yet.</p>;
  return (
    <ol className="space-y-3" aria-label="Change history">
      {events.map((event) => {
        const changes = describeChanges(event.before, event.after);
        return (
          <li key={event.id} className="text-sm">
            <div className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-mono text-xs font-medium text-fg">{event.action}</span>
              <span className="text-fg-muted">by {event.actorLabel}</span>
              <DateTime value={event.occurredAt} className="text-xs text-fg-muted" />
            </div>
            {changes.length ? (
              <ul className="mt-1 list-disc pl-5 text-xs text-fg-muted">
                {changes.slice(0, 6).map((change) => (
                  <li key={change.field}>
                    <span className="font-medium">{change.field}</span>: {change.from} → {change.to}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** The card every entity page ends with: its audit events, from the tamper-evident trail. */
export function EntityHistoryCard({ events, title = "Audit events" }: { events: AuditEventDto[]; title?: string }) {
  return (
    <Card aria-labelledby="history-title">
      <CardHeader titleId="history-title" title={title} description="From the tamper-evident audit trail." />
      <CardContent><EntityHistory events={events} /></CardContent>
    </Card>
  );
}
