import { ArrowRight, ScrollText } from "lucide-react";
import { AuditSentenceView } from "@/components/audit/audit-sentence";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { DEPLOYMENT_TARGET_LABEL } from "@/lib/catalog/availability";
import type { ChangeManagerHome as ChangeManagerHomeData } from "@/lib/home/queries";
import { StatList } from "./stat-list";
import { SignalsLinkCard } from "./signals-link-card";
import { TreacleSignals } from "./treacle-signals";
import { BudgetPolicyCard } from "@/components/reliability/budget-policy-card";

function entityHistoryHref(entityType: string, entityId: string): string {
  return `/audit?${new URLSearchParams({ entityType, entityId })}`;
}

export function ChangeManagerHome({ data }: { data: ChangeManagerHomeData }) {
  return (
    <div className="space-y-6">
      <TreacleSignals signals={data.treacle} />
      <BudgetPolicyCard overview={data.budgetPolicy} />
      <Card aria-labelledby="recent-audit-heading">
        <CardHeader
          titleId="recent-audit-heading"
          title="Latest changes"
          description="The ten most recent entries of the audit trail, newest first."
          actions={<ButtonLink href="/audit" size="sm" variant="ghost">Open the audit trail<ArrowRight aria-hidden="true" /></ButtonLink>}
        />
        {data.recentEvents.length ? (
          <Table caption="Latest audit events" captionHidden framed={false}>
            <THead>
              <tr>
                <TH>Time</TH>
                <TH>What happened</TH>
              </tr>
            </THead>
            <TBody>
              {data.recentEvents.map((event) => (
                <TR key={event.id}>
                  <TD className="whitespace-nowrap align-top text-fg-muted tabular-nums">
                    <DateTime value={event.occurredAt} />
                  </TD>
                  <TD className="align-top">
                    <AuditSentenceView sentence={event.sentence} />
                    <TextLink href={entityHistoryHref(event.entityType, event.entityId)} className="text-xs font-normal text-fg-muted">
                      History
                    </TextLink>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        ) : (
          <CardContent>
            <EmptyState icon={<ScrollText />} title="Nothing recorded yet" description="Every change made in Runwell is recorded here as it happens." />
          </CardContent>
        )}
      </Card>
      <section aria-labelledby="deployment-targets-heading" className="space-y-3">
        <div>
          <h2 id="deployment-targets-heading" className="text-base font-semibold">
            Services by deployment target
          </h2>
          <p className="text-sm text-fg-muted">
            How often product managers want each service deployable. Frequent targets call for pre-approved standard changes.
          </p>
        </div>
        <StatList
          label="Services per deployment target"
          stats={data.countsByDeploymentTarget.map(({ target, count }) => ({ label: DEPLOYMENT_TARGET_LABEL[target], value: count }))}
        />
      </section>
      <SignalsLinkCard />
    </div>
  );
}
