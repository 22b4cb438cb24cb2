"use client";

import { Button } from "@/components/ui/button";
import type { RunbookConflictDetails } from "@/lib/runbooks/runbook-conflict";
import { revisionDiff } from "@/lib/runbooks/revision-diff";
import { RevisionDiffView } from "./diff-view";

type Props = { conflict: RunbookConflictDetails; message: string; onUseTheirs: () => void; onMerged: () => void };

/** Shown when someone saved first: what they changed since this editor opened, and a way to merge by hand. */
export function ConflictPanel({ conflict, message, onUseTheirs, onMerged }: Props) {
  const { base, current } = conflict;
  const theirChanges = base ? revisionDiff(base, current) : null;
  return (
    <section role="alert" aria-labelledby="conflict-title" className="space-y-3 rounded-md border border-amber-400 bg-amber-50 p-4 text-sm dark:border-amber-700 dark:bg-amber-950/40">
      <h2 id="conflict-title" className="text-base font-semibold">Someone else saved this runbook while you were editing</h2>
      <p>{message}</p>
      <ul className="list-disc pl-5">
        {conflict.changes.map((change) => (
          <li key={change.number}>
            Revision {change.number} by {change.authorLabel}{change.summary ? `: “${change.summary}”` : ""}
          </li>
        ))}
      </ul>
      <h3 className="font-medium">What they changed</h3>
      {theirChanges ? <RevisionDiffView diff={theirChanges} /> : null}
      <details>
        <summary className="cursor-pointer font-medium">Their full text (revision {conflict.currentRevision})</summary>
        <textarea readOnly aria-label="Their text" rows={10} className="mt-2 w-full rounded-md border border-line bg-surface p-2 font-mono text-xs" value={conflict.current.body} />
      </details>
      <p>Your text is still in the editor below. Copy their changes into it (or start again from their text), then save.</p>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={onUseTheirs}>Replace my text with theirs</Button>
        <Button variant="primary" onClick={onMerged}>I have merged their changes</Button>
      </div>
    </section>
  );
}
