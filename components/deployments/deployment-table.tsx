import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { leadTimeMs } from "@/lib/deployments/dora";
import { formatSpan } from "@/lib/deployments/labels";
import type { DeploymentListItem } from "@/lib/deployments/queries";
import { StatusBadge } from "./status-badge";

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
              <Link href={`/deployments/${deployment.id}`} className="font-mono font-medium text-link underline-offset-2 hover:underline">
                {deployment.version}
              </Link>
            </TD>
            <TD>
              <Link href={`/services/${deployment.service.slug}`} className="text-link underline-offset-2 hover:underline">{deployment.service.name}</Link>
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
