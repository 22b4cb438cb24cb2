import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { describeChanges } from "@/lib/audit/describe-changes";
import { entityLabel } from "@/lib/audit/entity-label";
import type { AuditEventDto } from "@/lib/audit/queries";

export function AuditTable({ events }: { events: AuditEventDto[] }) {
  return (
    <Table caption="Audit events, newest first" captionHidden>
      <THead>
        <TR>
          <TH>When</TH>
          <TH>Actor</TH>
          <TH>Action</TH>
          <TH>Entity</TH>
          <TH>Changes</TH>
          <TH>Chain</TH>
        </TR>
      </THead>
      <TBody>
        {events.map((event) => {
          const changes = describeChanges(event.before, event.after);
          return (
            <TR key={event.id}>
              <TD className="whitespace-nowrap"><DateTime value={event.occurredAt} /></TD>
              <TD>
                {event.actorLabel}
                <div className="text-xs text-fg-muted">{event.actorKind.toLowerCase()}</div>
              </TD>
              <TD className="font-mono text-xs">{event.action}</TD>
              <TD>
                <Link className="text-link underline-offset-2 hover:underline" href={`/audit?entityType=${event.entityType}&entityId=${event.entityId}`}>
                  {event.entityType}
                  {entityLabel(event.before, event.after) ? `: ${entityLabel(event.before, event.after)}` : ""}
                </Link>
                <div className="font-mono text-xs text-fg-muted">{event.entityId}</div>
              </TD>
              <TD className="text-xs">
                {event.before ? (
                  changes.length ? changes.slice(0, 4).map((c) => <div key={c.field}><span className="font-medium">{c.field}</span>: {c.from} → {c.to}</div>) : "—"
                ) : (
                  <span className="text-fg-muted">created</span>
                )}
              </TD>
              <TD>{event.sealed ? <Badge tone="success">#{event.seq}</Badge> : <Badge tone="warning">sealing</Badge>}</TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
