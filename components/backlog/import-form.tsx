"use client";

// Upload a CSV (Jira's export or the plain form). "Check the file" is a dry run: it lists what would be
// created, row by row, or names the bad rows. "Import" writes every row, or nothing if any row is bad.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import type { FormState } from "@/lib/forms/initial-form-state";
import { itemKind, STATUS_LABEL } from "./words";

type Report = { dryRun: boolean; format: string | null; created: number; errors: { row: number; field: string; message: string }[]; rows: { row: number; title: string; type: string; subtype: string | null; status: string; estimate: number | null }[] };
type State = FormState & { report?: Report };

export function ImportForm({ action }: { action: (state: State, formData: FormData) => Promise<State> }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as State);
  const report = state.report;
  return (
    <form action={formAction} className="space-y-3" encType="multipart/form-data">
      {state.status === "error" ? <FormErrorSummary message={state.message} fieldErrors={state.fieldErrors ?? {}} /> : null}
      <div className="space-y-1.5">
        <label htmlFor="import-file" className="block text-sm font-medium">CSV file</label>
        <input id="import-file" type="file" name="file" accept=".csv,text/csv" required className="block text-sm" />
        <p className="text-sm text-fg-muted">Jira&apos;s CSV export (Summary, Issue Type, Status, Story Points, Labels) or title,type,subtype,status,estimate,labels,description. At most 1 MB and 2,000 rows.</p>
      </div>
      <div className="flex gap-2">
        <Button type="submit" name="mode" value="check" variant="secondary" disabled={pending}>Check the file</Button>
        <Button type="submit" name="mode" value="import" disabled={pending}>Import</Button>
      </div>
      {state.status === "success" && state.message ? <p role="status" className="text-sm text-emerald-700 dark:text-emerald-300">{state.message}</p> : null}
      {report && report.dryRun && report.errors.length === 0 && report.rows.length ? (
        <table className="w-full text-left text-sm" data-testid="import-report">
          <caption className="text-left text-fg-muted">Would be created ({report.format === "jira" ? "Jira CSV" : "plain CSV"})</caption>
          <thead><tr><th scope="col">Row</th><th scope="col">Title</th><th scope="col">Kind</th><th scope="col">Status</th><th scope="col">Points</th></tr></thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.row}><td>{row.row}</td><td>{row.title}</td><td>{itemKind(row)}</td><td>{STATUS_LABEL[row.status]}</td><td>{row.estimate ?? "—"}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </form>
  );
}
