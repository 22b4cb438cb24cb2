import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/runbooks/action-button";
import { CompareForm } from "@/components/runbooks/compare-form";
import { RevisionDiffView } from "@/components/runbooks/diff-view";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { db } from "@/lib/db";
import { runbookHistoryPath, runbookPath } from "@/lib/runbooks/paths";
import { getRevisions, getRunbook, listRevisions } from "@/lib/runbooks/queries";
import { revisionDiff } from "@/lib/runbooks/revision-diff";
import { restoreRevisionAction } from "../../../actions";

export const metadata: Metadata = { title: "Runbook history" };

type Props = { params: Promise<{ service: string; runbook: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const toNumber = (value: unknown) => (typeof value === "string" && /^\d+$/.test(value) ? Number(value) : null);

export default async function RunbookHistoryPage({ params, searchParams }: Props) {
  const person = await requirePerson();
  requirePermission(person, "runbooks.read");
  const { service: serviceSlug, runbook: runbookSlug } = await params;
  const runbook = await getRunbook(db(), serviceSlug, runbookSlug);
  if (!runbook) notFound();
  const revisions = await listRevisions(db(), runbook.id);
  const numbers = revisions.map((revision) => revision.number);
  const query = await searchParams;
  const to = numbers.includes(toNumber(query.to) ?? -1) ? toNumber(query.to)! : runbook.revision;
  const from = numbers.includes(toNumber(query.from) ?? -1) ? toNumber(query.from)! : Math.max(1, to - 1);
  const [before, after] = await getRevisions(db(), runbook.id, [from, to]).then((rows) => [rows.find((r) => r.number === from), rows.find((r) => r.number === to)]);
  const mayEdit = can(person, "runbooks.edit", { teamId: runbook.service.team.id });
  const path = runbookPath(runbook.service.slug, runbook.slug);
  return (
    <>
      <PageHeader eyebrow={<TextLink href={path}>← {runbook.title}</TextLink>} title={`History: ${runbook.title}`}
        description={`${revisions.length} ${revisions.length === 1 ? "revision" : "revisions"}. Restoring an old revision saves it as a new one; nothing is lost.`} />
      <div className="space-y-6">
        <Card aria-labelledby="diff-title">
          <CardHeader titleId="diff-title" title={`Changes from revision ${from} to revision ${to}`} />
          <CardContent className="space-y-4">
            <CompareForm numbers={numbers} from={from} to={to} />
            {before && after ? <RevisionDiffView diff={revisionDiff(before, after)} /> : null}
          </CardContent>
        </Card>
        <Table caption="Revisions, newest first">
          <THead>
            <TR><TH>Revision</TH><TH>Saved</TH><TH>By</TH><TH>Summary</TH><TH><span className="sr-only">Actions</span></TH></TR>
          </THead>
          <TBody>
            {revisions.map((revision) => (
              <TR key={revision.number}>
                <TD>{revision.number}{revision.number === runbook.revision ? " (current)" : ""}</TD>
                <TD><DateTime value={revision.createdAt} /></TD>
                <TD>{revision.authorLabel}</TD>
                <TD>{revision.summary}{revision.restoredFromNumber ? ` (restored from revision ${revision.restoredFromNumber})` : ""}</TD>
                <TD className="whitespace-nowrap text-right">
                  {revision.number > 1 ? (
                    <TextLink href={`${runbookHistoryPath(runbook.service.slug, runbook.slug)}?from=${revision.number - 1}&to=${revision.number}`} className="mr-3">
                      Changes<span className="sr-only"> in revision {revision.number}</span>
                    </TextLink>
                  ) : null}
                  {mayEdit && revision.number !== runbook.revision ? (
                    <ActionButton
                      action={restoreRevisionAction.bind(null, runbook.id, revision.number, runbook.revision)}
                      label={`Restore revision ${revision.number}`}
                      pendingLabel="Restoring…"
                      confirm={`Restore revision ${revision.number}? It becomes revision ${runbook.revision + 1}.`}
                    />
                  ) : null}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </div>
    </>
  );
}
