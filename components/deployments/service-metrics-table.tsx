import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { BAND_LABEL, formatSpan } from "@/lib/deployments/labels";
import type { ServiceMetrics } from "@/lib/deployments/metrics";

/** A large organisation's page lists the services furthest from their target; a team's lists all of them. */
export const SERVICE_ROWS_SHOWN = 100;

const BAND_ORDER = { LOW: 0, MEDIUM: 1, HIGH: 2, ELITE: 3 } as const;

/** Missed targets first, then the weakest DORA band, then by name. */
export function byAttention(a: ServiceMetrics, b: ServiceMetrics): number {
  const missed = Number(a.metrics.meetsTarget === true) - Number(b.metrics.meetsTarget === true);
  if (missed) return missed;
  const band = (m: ServiceMetrics) => (m.metrics.band ? BAND_ORDER[m.metrics.band] : -1);
  return band(a) - band(b) || a.service.name.localeCompare(b.service.name);
}

export function ServiceMetricsTable({ services: all }: { services: ServiceMetrics[] }) {
  const services = [...all].sort(byAttention).slice(0, SERVICE_ROWS_SHOWN);
  const caption = all.length > services.length
    ? `The ${services.length} of ${all.length.toLocaleString("en")} services furthest from their deployment target (choose a domain or team to see all of its services)`
    : "Each service against its deployment target, those missing it first";
  return (
    <Table caption={caption}>
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
