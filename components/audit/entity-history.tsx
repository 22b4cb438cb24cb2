import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import type { AuditEventDto } from "@/lib/audit/queries";
import { AuditSentenceView, RawAuditEvent } from "./audit-sentence";

/** The audit trail of one entity, newest first, each event as a sentence with what it changed. */
export function EntityHistory({ events }: { events: AuditEventDto[] }) {
  if (events.length === 0) return <p className="text-sm text-fg-muted">No recorded changes yet.</p>;
  return (
    <ol className="space-y-3" aria-label="Change history">
      {events.map((event) => (
        <li key={event.id} className="text-sm">
          <AuditSentenceView sentence={event.sentence} />
          <DateTime value={event.occurredAt} className="text-xs text-fg-muted" />
          <RawAuditEvent event={event} />
        </li>
      ))}
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
