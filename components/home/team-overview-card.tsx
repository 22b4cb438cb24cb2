import type { ReactNode } from "react";
import { ArrowRight } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { DEPLOYMENT_TARGET_LABEL } from "@/lib/catalog/labels";
import { formatDuration, targetLabel } from "@/lib/catalog/availability";
import { formatSpan } from "@/lib/deployments/labels";
import type { OverviewService, OverviewTeam } from "@/lib/home/product-manager-overview";
import { percentLabel } from "@/lib/reliability/availability-chart";

const duration = (ms: number) => formatDuration(Math.max(0, Math.round(ms / 1000)));
const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

function AvailabilityCell({ service }: { service: OverviewService }) {
  const { period, burn, budgetSpent } = service.availability;
  return (
    <TD className="tabular-nums">
      {percentLabel(period.availability)} <span className="text-fg-muted">of {targetLabel(service.availabilityTarget)}</span>
      {burn === "FAST" ? <Badge tone="danger" className="ml-1">Fast burn</Badge> : null}
      {budgetSpent ? <Badge tone="danger" className="ml-1">Budget spent</Badge> : !period.onTarget ? <Badge tone="warning" className="ml-1">Off target</Badge> : null}
    </TD>
  );
}

function DeploymentsCell({ service }: { service: OverviewService }) {
  const { dora } = service;
  return (
    <TD className="tabular-nums">
      {Math.round(dora.perWeek * 10) / 10}/week <span className="text-fg-muted">for {DEPLOYMENT_TARGET_LABEL[service.deploymentTarget].toLowerCase()}</span>{" "}
      <Badge tone={dora.meetsTarget ? "success" : "warning"}>{dora.meetsTarget ? "Met" : "Missed"}</Badge>
    </TD>
  );
}

/** One of the product manager's teams: its services' reliability and delivery, its load, its balance. */
export function TeamOverviewCard({ team, balance }: { team: OverviewTeam; balance?: ReactNode }) {
  const headingId = `team-overview-${team.slug}`;
  const { outOfHours } = team;
  return (
    <Card aria-labelledby={headingId} data-testid={`team-overview-${team.slug}`}>
      <CardHeader
        titleId={headingId}
        title={<TextLink href={`/teams/${team.slug}`}>{team.name}</TextLink>}
        description={
          outOfHours.callouts
            ? `Out of hours, last 28 days: ${plural(outOfHours.callouts, "callout")} waking ${plural(outOfHours.people, "person")} on ${plural(outOfHours.disturbedDays, "night")}.`
            : "No out-of-hours callouts in the last 28 days."
        }
        actions={<ButtonLink href={`/teams/${team.slug}/backlog`} size="sm" variant="ghost">Backlog<ArrowRight aria-hidden="true" /></ButtonLink>}
      />
      {balance ? <CardContent className="border-b border-line">{balance}</CardContent> : null}
      {team.services.length ? (
        <Table caption={`${team.name}'s services over the last 28 days`} captionHidden framed={false}>
          <THead>
            <TR>
              <TH>Service</TH>
              <TH>Availability</TH>
              <TH>Budget left</TH>
              <TH>Time to restore</TH>
              <TH>Deployments</TH>
              <TH>Lead time</TH>
              <TH>Change failure</TH>
            </TR>
          </THead>
          <TBody>
            {team.services.map((service) => {
              const restore = service.availability.timeToRestore;
              return (
                <TR key={service.slug}>
                  <TD><TextLink href={`/services/${service.slug}`}>{service.name}</TextLink></TD>
                  <AvailabilityCell service={service} />
                  <TD className="tabular-nums">
                    {service.availability.budgetLeftMs < 0
                      ? <span className="text-danger-fg">{duration(-service.availability.budgetLeftMs)} over</span>
                      : duration(service.availability.budgetLeftMs)}{" "}
                    <span className="text-fg-muted">of {duration(service.availability.period.budgetMs)}</span>
                  </TD>
                  <TD className="tabular-nums">{restore ? <>{formatSpan(restore.p50Ms)} <span className="text-fg-muted">median</span></> : <span className="text-fg-muted">—</span>}</TD>
                  <DeploymentsCell service={service} />
                  <TD className="tabular-nums">{formatSpan(service.dora.leadTimeMedianMs)}</TD>
                  <TD className="tabular-nums">{service.dora.changeFailureRate === null ? "—" : `${Math.round(service.dora.changeFailureRate * 1000) / 10}%`}</TD>
                </TR>
              );
            })}
          </TBody>
        </Table>
      ) : (
        <CardContent><p className="text-sm text-fg-muted">This team owns no services yet.</p></CardContent>
      )}
    </Card>
  );
}
