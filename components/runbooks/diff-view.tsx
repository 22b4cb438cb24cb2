import type { RevisionDiff, TextDiff } from "@/lib/runbooks/revision-diff";
import { cx } from "@/components/ui/cx";

const lineClass = {
  add: "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-200",
  remove: "bg-red-50 text-red-900 dark:bg-red-950/60 dark:text-red-200",
  same: "text-fg-muted",
};
const sign = { add: "+", remove: "−", same: " " };
const srLabel = { add: "added: ", remove: "removed: ", same: "" };

export function TextDiffView({ diff }: { diff: TextDiff }) {
  if (!diff.hunks.length) return <p className="text-sm text-fg-muted">The text is the same.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-line font-mono text-xs" data-testid="text-diff">
      {diff.hunks.map((hunk, index) => (
        <div key={index}>
          {hunk.skippedBefore ? <div className="border-y border-line bg-surface-muted px-3 py-1 text-fg-muted">⋯ {hunk.skippedBefore} unchanged lines</div> : null}
          {hunk.lines.map((line, lineIndex) => (
            <div key={lineIndex} className={cx("flex whitespace-pre-wrap", lineClass[line.kind])}>
              <span className="w-10 shrink-0 select-none pr-2 text-right opacity-60">{line.oldNumber ?? ""}</span>
              <span className="w-10 shrink-0 select-none pr-2 text-right opacity-60">{line.newNumber ?? ""}</span>
              <span className="w-4 shrink-0 select-none" aria-hidden="true">{sign[line.kind]}</span>
              {line.kind === "same" ? <span>{line.text}</span> : line.kind === "add" ? <ins className="no-underline"><span className="sr-only">{srLabel.add}</span>{line.text}</ins> : <del className="no-underline"><span className="sr-only">{srLabel.remove}</span>{line.text}</del>}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

export function RevisionDiffView({ diff }: { diff: RevisionDiff }) {
  if (diff.unchanged) return <p className="text-sm text-fg-muted">These revisions have the same content.</p>;
  const lists = [
    ["Tags", diff.tags],
    ["Linked alerts", diff.alertNames],
  ] as const;
  return (
    <div className="space-y-3">
      {diff.title ? (
        <p className="text-sm">
          Title: <del className="bg-red-50 px-1 dark:bg-red-950/60">{diff.title.before}</del> → <ins className="bg-emerald-50 px-1 no-underline dark:bg-emerald-950/60">{diff.title.after}</ins>
        </p>
      ) : null}
      {lists.map(([label, list]) =>
        list.added.length || list.removed.length ? (
          <p key={label} className="text-sm">
            {label}: {list.added.map((item) => <ins key={item} className="mr-1 bg-emerald-50 px-1 no-underline dark:bg-emerald-950/60">+{item}</ins>)}
            {list.removed.map((item) => <del key={item} className="mr-1 bg-red-50 px-1 dark:bg-red-950/60">−{item}</del>)}
          </p>
        ) : null,
      )}
      <p className="text-sm text-fg-muted">{diff.body.added} {diff.body.added === 1 ? "line" : "lines"} added, {diff.body.removed} removed</p>
      <TextDiffView diff={diff.body} />
    </div>
  );
}
