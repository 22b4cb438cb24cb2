import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { AuditEventDto } from "@/lib/audit/queries";
import { AuditSentenceView, RawAuditEvent } from "./audit-sentence";

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
              <RawAuditEvent event={event} />
            </TD>
            <TD className="align-top">{event.sealed ? <Badge tone="success">#{event.seq}</Badge> : <Badge tone="warning">sealing</Badge>}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
