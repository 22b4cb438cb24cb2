import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { leadTimeMs } from "@/lib/deployments/dora";
import { formatSpan } from "@/lib/deployments/labels";
import type { DeploymentListItem } from "@/lib/deployments/queries";
import { StatusBadge } from "./status-badge";

// Rows are kept lean (plain links, few wrappers): the list holds 50 of them, and every byte is sent
// twice (the HTML and the React payload inside it).
export function DeploymentTable({ deployments, caption = "Deployments, newest first" }: { deployments: DeploymentListItem[]; caption?: string }) {
  return (
    <Table caption={caption} captionHidden>
      <THead>
        <TR>
          <TH>Version</TH>
          <TH>Service</TH>
          <TH>Environment</TH>
          <TH>Status</TH>
          <TH>Started</TH>
          <TH>Lead time</TH>
          <TH>Deployer</TH>
        </TR>
      </THead>
      <TBody>
        {deployments.map((deployment) => (
          <TR key={deployment.id}>
            <TD>
              <a href={`/deployments/${deployment.id}`} className="font-mono font-medium text-link hover:underline">{deployment.version}</a>
            </TD>
            <TD>
              <a href={`/services/${deployment.service.slug}`} className="text-link hover:underline">{deployment.service.name}</a>
              <div className="text-xs text-fg-muted">{deployment.service.team.name}</div>
            </TD>
            <TD>{deployment.environment.name}</TD>
            <TD><StatusBadge status={deployment.status} isRollback={deployment.isRollback} /></TD>
            <TD className="whitespace-nowrap"><DateTime value={deployment.startedAt} /></TD>
            <TD className="whitespace-nowrap tabular-nums">{deployment.environment.isProduction ? formatSpan(leadTimeMs(deployment)) : "—"}</TD>
            <TD>{deployment.deployer ?? <span className="text-fg-muted">—</span>}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
