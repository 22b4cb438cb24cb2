"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { RunbookConflictDetails } from "@/lib/runbooks/runbook-conflict";
import { resolvedText, type Resolution } from "@/lib/runbooks/three-way-merge";

type Props = {
  conflict: RunbookConflictDetails;
  message: string;
  /** Puts the merged text into the editor and bases the next save on their revision. */
  onResolved: (body: string) => void;
  onUseTheirs: () => void;
};

const CHOICES: { value: Resolution; label: string }[] = [
  { value: "theirs", label: "Keep theirs" },
  { value: "mine", label: "Keep mine" },
  { value: "both", label: "Keep both (theirs first)" },
];

function Lines({ lines, label }: { lines: string[]; label: string }) {
  return (
    <div>
      <p className="mb-1 text-xs font-semibold text-fg-muted">{label}</p>
      <pre className="overflow-x-auto rounded border border-line bg-surface p-2 font-mono text-xs whitespace-pre-wrap">{lines.length ? lines.join("\n") : "(removed)"}</pre>
    </div>
  );
}

/**
 * Shown when someone saved first and the three-way merge found lines you both changed: everything
 * else is already merged; each clash is shown with both versions for a decision.
 */
export function ConflictPanel({ conflict, message, onResolved, onUseTheirs }: Props) {
  const merge = conflict.merge;
  const clashes = merge?.chunks.filter((chunk) => chunk.kind === "conflict") ?? [];
  const [choices, setChoices] = useState<(Resolution | undefined)[]>(() => clashes.map(() => undefined));
  const decided = choices.every((choice) => choice !== undefined);
  const otherAuthors = [...new Set(conflict.changes.map((change) => change.authorLabel))].join(", ");
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
      {conflict.clashingFields.length ? (
        <p>You both changed: {conflict.clashingFields.map((field) => ({ title: "the title", tags: "the tags", alertNames: "the linked alerts" })[field] ?? field).join(", ")}. Check them in the form below before saving.</p>
      ) : null}
      {clashes.length ? (
        <ol className="space-y-4" aria-label="Lines you both changed">
          {clashes.map((clash, index) => (
            <li key={index} className="space-y-2 rounded border border-amber-300 bg-surface-raised p-3 dark:border-amber-800">
              <h3 className="font-medium">Clash {index + 1} of {clashes.length}</h3>
              {clash.kind === "conflict" ? (
                <div className="grid gap-2 md:grid-cols-2">
                  <Lines lines={clash.theirs} label={`Theirs (${otherAuthors})`} />
                  <Lines lines={clash.mine} label="Yours" />
                </div>
              ) : null}
              <fieldset className="flex flex-wrap gap-4">
                <legend className="sr-only">Which version of clash {index + 1} to keep</legend>
                {CHOICES.map((choice) => (
                  <label key={choice.value} className="flex items-center gap-2">
                    <input
                      type="radio"
                      name={`clash-${index}`}
                      value={choice.value}
                      checked={choices[index] === choice.value}
                      onChange={() => setChoices((current) => current.map((value, i) => (i === index ? choice.value : value)))}
                    />
                    {choice.label}
                  </label>
                ))}
              </fieldset>
            </li>
          ))}
        </ol>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" disabled={!merge || !decided} onClick={() => merge && onResolved(resolvedText(merge, choices as Resolution[]))}>
          Use the merged text
        </Button>
        <Button variant="secondary" onClick={onUseTheirs}>Start again from their text</Button>
      </div>
      <p className="text-xs text-fg-muted">The merged text goes into the editor below; nothing is saved until you save.</p>
    </section>
  );
}
