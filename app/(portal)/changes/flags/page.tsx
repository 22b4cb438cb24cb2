import type { Metadata } from "next";
import { ChangesTabs } from "@/components/changes/changes-tabs";
import { StatusBadge } from "@/components/deployments/status-badge";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { FLAG_LABELS } from "@/lib/changes/labels";
import { listFlags } from "@/lib/changes/queries";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Flagged deployments" };

export default async function FlagsPage() {
  const person = await requirePerson();
  requirePermission(person, "changes.read");
  const flags = await listFlags(db());
  return (
    <>
      <PageHeader title="Flagged deployments" description="Production deployments without an approved change, and deployments whose required health checks failed or went missing." />
      <ChangesTabs current="/changes/flags" />
      {flags.length ? (
        <Table caption="Flagged deployments" captionHidden>
          <THead><tr><TH>Deployment</TH><TH>Flag</TH><TH>Status</TH><TH>Flagged</TH></tr></THead>
          <TBody>
            {flags.map((flag) => (
              <TR key={flag.id}>
                <TD><TextLink href={`/deployments/${flag.deployment.id}`}>{flag.deployment.service.name} <span className="font-mono">{flag.deployment.version}</span></TextLink><div className="text-xs text-fg-muted">{flag.deployment.environment.name}{flag.deployment.isRollback ? " · rollback" : ""} · started <DateTime value={flag.deployment.startedAt} /></div></TD>
                <TD><Badge tone="danger">{FLAG_LABELS[flag.kind]}</Badge><div className="text-xs text-fg-muted">{flag.message}</div></TD>
                <TD><StatusBadge status={flag.deployment.status} /></TD>
                <TD className="text-xs whitespace-nowrap"><DateTime value={flag.createdAt} /></TD>
              </TR>
            ))}
          </TBody>
        </Table>
      ) : <EmptyState title="Nothing flagged" description="Every production deployment had an approved change and passed its required checks." />}
    </>
  );
}
