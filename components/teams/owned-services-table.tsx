import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { DEPLOYMENT_TARGET_LABEL, targetLabel } from "@/lib/catalog/availability";
import { LIFECYCLE_LABEL, TIER_LABEL } from "@/lib/catalog/labels";
import type { TeamService } from "@/lib/teams/queries";

export function OwnedServicesTable({ services, teamName }: { services: TeamService[]; teamName: string }) {
  return (
    <Table caption={`Services owned by ${teamName}`} captionHidden framed={false}>
      <THead>
        <tr>
          <TH>Service</TH>
          <TH>Availability target</TH>
          <TH>Tier</TH>
          <TH>Deployment target</TH>
          <TH>Lifecycle</TH>
        </tr>
      </THead>
      <TBody>
        {services.map((service) => (
          <TR key={service.slug}>
            <TH scope="row">
              <TextLink href={`/services/${service.slug}`}>{service.name}</TextLink>
            </TH>
            <TD className="font-medium tabular-nums">{targetLabel(service.availabilityTarget)}</TD>
            <TD className="whitespace-nowrap">{TIER_LABEL[service.tier]}</TD>
            <TD className="whitespace-nowrap">{DEPLOYMENT_TARGET_LABEL[service.deploymentTarget]}</TD>
            <TD>{LIFECYCLE_LABEL[service.lifecycle]}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
