import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { AuditEventDto } from "@/lib/audit/queries";
import { AuditSentenceView } from "./audit-sentence";
import { RawAuditEventOnDemand } from "./raw-audit-event-on-demand-client";

// Each row sends its sentence; the raw JSON and hashes are fetched when someone opens "Raw event".
export function AuditTable({ events }: { events: AuditEventDto[] }) {
  return (
    <Table caption="Audit events, newest first" captionHidden>
      <THead>
        <TR>
          <TH>When</TH>
          <TH>What happened</TH>
          <TH>Chain</TH>
        </TR>
      </THead>
      <TBody>
        {events.map((event) => (
          <TR key={event.id}>
            <TD className="whitespace-nowrap align-top"><DateTime value={event.occurredAt} /></TD>
            <TD className="align-top">
              <AuditSentenceView sentence={event.sentence} />
              <RawAuditEventOnDemand id={event.id} />
            </TD>
            <TD className="align-top">{event.sealed ? <Badge tone="success">#{event.seq}</Badge> : <Badge tone="warning">sealing</Badge>}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
