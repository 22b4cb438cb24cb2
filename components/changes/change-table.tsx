import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ChangeListItem } from "@/lib/changes/queries";
import { ChangeStateBadge, ChangeTypeBadge, RiskBadge } from "./change-badges";

// Rows are kept lean (a plain link, few wrappers): the list pages hold 25 to 200 of them.
export function ChangeTable({ changes, caption }: { changes: (ChangeListItem & { approvals?: number })[]; caption: string }) {
  return (
    <Table caption={caption} captionHidden className="table-stack">
      <THead>
        <tr>
          <TH>Change</TH>
          <TH>Service</TH>
          <TH>Type</TH>
          <TH>State</TH>
          <TH>Risk</TH>
          <TH>Planned</TH>
          <TH>Requested by</TH>
        </tr>
      </THead>
      <TBody>
        {changes.map((change) => (
          <TR key={change.id}>
            <TD data-label="Change">
              <a className="font-medium text-link hover:underline" href={`/changes/${change.id}`}>{`CHG-${change.number}`}</a>
              <div className="max-w-80 truncate text-fg-muted" title={change.summary}>{change.summary}</div>
            </TD>
            <TD data-label="Service">
              {change.service.name}
              <div className="text-xs text-fg-muted">{change.version ? `${change.version} · ` : ""}{change.environment.name}</div>
            </TD>
            <TD data-label="Type"><ChangeTypeBadge type={change.type} /></TD>
            <TD data-label="State">
              <ChangeStateBadge state={change.state} />
              {change.approvals !== undefined ? <div className="text-xs text-fg-muted">{`${change.approvals} approval${change.approvals === 1 ? "" : "s"}`}</div> : null}
            </TD>
            <TD data-label="Risk"><RiskBadge level={change.riskLevel} score={change.riskScore} /></TD>
            <TD data-label="Planned" className="whitespace-nowrap text-fg-muted">{change.plannedStart ? <DateTime value={change.plannedStart} /> : "—"}</TD>
            <TD data-label="Requested by" className="max-w-48 truncate">{change.requesterLabel}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
