import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { BAND_LABEL, formatSpan } from "@/lib/deployments/labels";
import type { ServiceMetrics } from "@/lib/deployments/metrics";

export function ServiceMetricsTable({ services }: { services: ServiceMetrics[] }) {
  return (
    <Table caption="Each service against its deployment target">
      <THead>
        <TR>
          <TH>Service</TH>
          <TH>Per week</TH>
          <TH>Target</TH>
          <TH>Lead time (median)</TH>
          <TH>Change failure rate</TH>
          <TH>Band</TH>
        </TR>
      </THead>
      <TBody>
        {services.map(({ service, deploymentTarget, metrics }) => (
          <TR key={service.slug}>
            <TD>
              <Link href={`/deployments/metrics?service=${service.slug}`} className="text-link underline-offset-2 hover:underline">{service.name}</Link>
              <div className="text-xs text-fg-muted">{service.team.name}</div>
            </TD>
            <TD className="tabular-nums">{Math.round(metrics.perWeek * 10) / 10}</TD>
            <TD>
              {deploymentTarget.toLowerCase()}{" "}
              <Badge tone={metrics.meetsTarget ? "success" : "warning"}>{metrics.meetsTarget ? "Met" : "Missed"}</Badge>
            </TD>
            <TD className="tabular-nums">{formatSpan(metrics.leadTimeMedianMs)}</TD>
            <TD className="tabular-nums">{metrics.changeFailureRate === null ? "—" : `${Math.round(metrics.changeFailureRate * 1000) / 10}%`}</TD>
            <TD>{metrics.band ? BAND_LABEL[metrics.band] : "—"}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
