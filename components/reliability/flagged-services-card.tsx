import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { formatDuration, targetLabel } from "@/lib/catalog/availability";
import { percentLabel } from "@/lib/reliability/availability-chart";
import type { FlaggedService } from "@/lib/reliability/overview";

const REASON: Record<FlaggedService["reasons"][number], { label: string; tone: "danger" | "warning" }> = {
  FAST_BURN: { label: "Burning budget fast", tone: "danger" },
  SLOW_BURN: { label: "Burning budget slowly", tone: "warning" },
  BUDGET_SPENT: { label: "Budget spent", tone: "danger" },
  OFF_TARGET: { label: "Off target", tone: "warning" },
};
const duration = (ms: number) => formatDuration(Math.max(0, Math.round(ms / 1000)));

export function ReasonBadges({ reasons }: { reasons: FlaggedService["reasons"] }) {
  return <span className="flex flex-wrap gap-1">{reasons.map((reason) => <Badge key={reason} tone={REASON[reason].tone}>{REASON[reason].label}</Badge>)}</span>;
}

/** The product manager's home: their teams' services off target or burning error budget (last 28 days). */
export function FlaggedServicesCard({ services }: { services: FlaggedService[] }) {
  return (
    <Card aria-labelledby="flagged-services-heading" data-testid="flagged-services">
      <CardHeader
        titleId="flagged-services-heading"
        title="Services off target or burning budget fast"
        description="Your teams' services over the last 28 days, against the target in force; fast burns first."
      />
      {services.length ? (
        <Table caption="Services off target or burning error budget" captionHidden framed={false}>
          <THead><TR><TH>Service</TH><TH>Availability</TH><TH>Budget</TH><TH>Why</TH></TR></THead>
          <TBody>
            {services.map((service) => (
              <TR key={service.slug}>
                <TD><TextLink href={`/services/${service.slug}`}>{service.name}</TextLink><span className="block text-xs text-fg-muted">{service.team.name}</span></TD>
                <TD className="tabular-nums">{percentLabel(service.report.period.availability)} <span className="text-fg-muted">of {targetLabel(service.availabilityTarget)}</span></TD>
                <TD className="tabular-nums">{duration(service.report.period.unavailableMs)} of {duration(service.report.period.budgetMs)}</TD>
                <TD><ReasonBadges reasons={service.reasons} /></TD>
              </TR>
            ))}
          </TBody>
        </Table>
      ) : (
        <CardContent><p className="text-sm text-fg-muted">Every service of your teams is on target, and none is burning its budget fast.</p></CardContent>
      )}
    </Card>
  );
}
