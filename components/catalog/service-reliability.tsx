import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import {
  DEPLOYMENT_TARGET_LABEL, formatDuration, ON_CALL_LEVEL_LABEL, targetLabel, tolerableDowntimePerWeek,
} from "@/lib/catalog/availability";
import type { ServiceDetail } from "@/lib/catalog/queries";
import type { MoneyUnit } from "@/lib/money/currency";
import { formatAmount } from "@/lib/money/format-money";

export function ServiceReliability({ service, unit }: { service: ServiceDetail; unit: MoneyUnit }) {
  return (
    <Card aria-labelledby="reliability-title">
      <CardHeader titleId="reliability-title" title="Reliability" description="Set by the product manager from the financial exposure of downtime." />
      <CardContent>
        <dl className="grid gap-4 sm:grid-cols-2">
          <Item label="Availability target">
            <span className="text-xl font-semibold tabular-nums">{targetLabel(service.availabilityTarget)}</span>
            <span className="block text-sm text-fg-muted">
              tolerates {formatDuration(tolerableDowntimePerWeek(service.availabilityTarget))} of unavailability a week
            </span>
          </Item>
          <Item label="Exposure">
            up to <span className="tabular-nums">{formatAmount(service.maxLossPerHour, unit)}</span> per hour of downtime
            <span className="block text-sm text-fg-muted">
              {service.band ? `${service.band.name} band: suggests ${targetLabel(service.band.availabilityTarget)}` : "No exposure band matches"}
            </span>
            {service.targetVersusBand !== "matches" ? <Badge tone="warning" className="mt-1">Target {service.targetVersusBand} its band</Badge> : null}
          </Item>
          <Item label="Out-of-hours cover">
            <span className="font-medium">{ON_CALL_LEVEL_LABEL[service.onCallLevel]}</span>
            <span className="block text-sm text-fg-muted">{service.onCallReason}</span>
            {service.onCallLevel === "DOMAIN" && !service.domain ? (
              <Badge tone="warning" className="mt-1">The team has no domain to share a schedule with</Badge>
            ) : null}
          </Item>
          <Item label="Deployment target">{DEPLOYMENT_TARGET_LABEL[service.deploymentTarget]}</Item>
          {service.targetJustification ? (
            <Item label="Why this target" wide>{service.targetJustification}</Item>
          ) : null}
        </dl>
      </CardContent>
    </Card>
  );
}

function Item({ label, children, wide }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <dt className="text-xs font-semibold uppercase tracking-wide text-fg-muted">{label}</dt>
      <dd className="mt-1 text-fg">{children}</dd>
    </div>
  );
}
