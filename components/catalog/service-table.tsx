import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { ON_CALL_LEVEL_LABEL, targetLabel, type OnCallLevel } from "@/lib/catalog/availability";
import { LIFECYCLE_LABEL, TIER_LABEL } from "@/lib/catalog/labels";
import type { ServiceListItem } from "@/lib/catalog/queries";

const coverTone: Record<OnCallLevel, BadgeTone> = { NONE: "neutral", DOMAIN: "info", TEAM: "brand" };

// Rows are kept lean (plain links, short class lists): a page holds 50 of them, each sent twice (HTML
// and the React payload).
export function ServiceTable({ services }: { services: ServiceListItem[] }) {
  return (
    <Table caption="Services and the teams that own them" captionHidden>
      <THead>
        <TR>
          <TH>Service</TH>
          <TH>Owning team</TH>
          <TH>Tier</TH>
          <TH>Target</TH>
          <TH>Out-of-hours cover</TH>
          <TH>Lifecycle</TH>
        </TR>
      </THead>
      <TBody>
        {services.map((service) => (
          <TR key={service.id}>
            <TD>
              <a href={`/services/${service.slug}`} className="font-medium text-link hover:underline">{service.name}</a>
              {service.archived ? <Badge className="ml-2">Archived</Badge> : null}
              {service.description ? <div className="max-w-md truncate text-xs text-fg-muted">{service.description}</div> : null}
            </TD>
            <TD>
              <a href={`/teams/${service.team.slug}`} className="text-link hover:underline">{service.team.name}</a>
              {service.domain ? <div className="text-xs text-fg-muted">{service.domain.name} domain</div> : null}
            </TD>
            <TD className="whitespace-nowrap">{TIER_LABEL[service.tier]}</TD>
            <TD className="tabular-nums">{targetLabel(service.availabilityTarget)}</TD>
            <TD><Badge tone={coverTone[service.onCallLevel]}>{ON_CALL_LEVEL_LABEL[service.onCallLevel]}</Badge></TD>
            <TD>{LIFECYCLE_LABEL[service.lifecycle]}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
