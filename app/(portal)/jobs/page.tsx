import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listQueues } from "@/lib/jobs/failed-jobs";
import { retryJobAction } from "./actions";

export const metadata: Metadata = { title: "Background jobs" };

export default async function JobsPage() {
  const person = await requirePerson();
  requirePermission(person, "jobs.manage");
  const { queues, failed } = await listQueues(db(), person);
  return (
    <>
      <PageHeader title="Background jobs" description="What the job queue is doing, and the jobs that ran out of retries. Running one again starts it afresh." />
      <Table caption="Queues">
        <THead>
          <TR><TH>Queue</TH><TH>What it does</TH><TH>Waiting</TH><TH>Retrying</TH><TH>Running</TH><TH>Failed</TH></TR>
        </THead>
        <TBody>
          {queues.map((q) => (
            <TR key={q.queue}><TD className="font-mono text-xs">{q.queue}</TD><TD>{q.purpose}</TD><TD>{q.waiting}</TD><TD>{q.retrying}</TD><TD>{q.active}</TD><TD>{q.failed}</TD></TR>
          ))}
        </TBody>
      </Table>
      <h2 className="mt-8 mb-3 text-lg font-semibold">Failed jobs</h2>
      {failed.length ? (
        <Table caption="Failed jobs" captionHidden>
          <THead>
            <TR><TH>Queue</TH><TH>Error</TH><TH>Retries</TH><TH>Failed</TH><TH><span className="sr-only">Action</span></TH></TR>
          </THead>
          <TBody>
            {failed.map((job) => (
              <TR key={job.id}>
                <TD><span className="font-mono text-xs">{job.queue}</span><div className="text-xs text-fg-muted">{job.purpose}</div></TD>
                <TD className="max-w-md break-words text-sm">{job.error || "No error recorded"}</TD>
                <TD>{job.retries}</TD>
                <TD>{job.failedAt ? <DateTime value={job.failedAt} /> : "—"}</TD>
                <TD>
                  <ActionForm action={retryJobAction.bind(null, job.queue, job.id)} submitLabel="Run again" submitSize="sm" submitVariant="secondary" submitAccessibleName={`Run ${job.queue} job again`} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      ) : (
        <EmptyState title="No failed jobs" description="Every job either succeeded or is still being retried." />
      )}
    </>
  );
}
