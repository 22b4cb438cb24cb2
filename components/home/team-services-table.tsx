import { TriangleAlert } from "lucide-react";
import { StatusBadge } from "@/components/deployments/status-badge";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { DEPLOYMENT_TARGET_LABEL, targetLabel } from "@/lib/catalog/availability";
import { TIER_LABEL } from "@/lib/catalog/labels";
import type { HomeService } from "@/lib/home/queries";

export type TeamServicesTableProps = {
  services: HomeService[];
  caption: string;
  /** The product manager's view: deployment target and the exposure-band check. */
  showTargets?: boolean;
  /** The engineer's view: what each service last shipped, and whether it went out. */
  showLastDeployment?: boolean;
};

export function TeamServicesTable({ services, caption, showTargets = false, showLastDeployment = false }: TeamServicesTableProps) {
  return (
    <Table caption={caption} captionHidden framed={false}>
      <THead>
        <tr>
          <TH>Service</TH>
          <TH>Team</TH>
          <TH>Availability target</TH>
          {showTargets ? <TH>Deployment target</TH> : <TH>Tier</TH>}
          {showTargets ? <TH>Exposure band</TH> : null}
          {showLastDeployment ? <TH>Last deployment</TH> : null}
        </tr>
      </THead>
      <TBody>
        {services.map((service) => (
          <TR key={service.slug}>
            <TH scope="row">
              <TextLink href={`/services/${service.slug}`}>{service.name}</TextLink>
            </TH>
            <TD>
              <TextLink href={`/teams/${service.team.slug}`} className="font-normal">
                {service.team.name}
              </TextLink>
            </TD>
            <TD className="font-medium tabular-nums">{targetLabel(service.availabilityTarget)}</TD>
            {showTargets ? (
              <TD className="whitespace-nowrap">{DEPLOYMENT_TARGET_LABEL[service.deploymentTarget]}</TD>
            ) : (
              <TD className="whitespace-nowrap">{TIER_LABEL[service.tier]}</TD>
            )}
            {showTargets ? (
              <TD>
                {service.aboveExposureBand ? (
                  <Badge tone="warning">
                    <TriangleAlert aria-hidden="true" />
                    Target above its exposure band
                  </Badge>
                ) : (
                  <span className="text-fg-muted">Within band</span>
                )}
              </TD>
            ) : null}
            {showLastDeployment ? (
              <TD>
                {service.lastDeployment ? (
                  <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
                    <TextLink href={`/deployments/${service.lastDeployment.id}`} className="font-mono text-xs">{service.lastDeployment.version}</TextLink>
                    <span className="text-fg-muted">to {service.lastDeployment.environment}</span>
                    <StatusBadge status={service.lastDeployment.status} />
                    <DateTime value={service.lastDeployment.at} className="text-xs text-fg-muted" />
                  </span>
                ) : (
                  <span className="text-fg-muted">None reported yet</span>
                )}
              </TD>
            ) : null}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
