// Line diff between two revisions (the `diff` package's Myers diff), folded into hunks with context
// so a long runbook with a one-line change shows that line, not 2,000 unchanged ones.
import { diffArrays, diffLines } from "diff";

export type DiffLine = { kind: "add" | "remove" | "same"; text: string; oldNumber: number | null; newNumber: number | null };
export type DiffHunk = { lines: DiffLine[]; skippedBefore: number };
export type TextDiff = { hunks: DiffHunk[]; added: number; removed: number };

export function lineDiff(before: string, after: string, context = 3): TextDiff {
  const lines: DiffLine[] = [];
  let oldNumber = 1;
  let newNumber = 1;
  for (const part of diffLines(before, after)) {
    const texts = part.value.replace(/\n$/, "").split("\n");
    for (const text of texts) {
      if (part.added) lines.push({ kind: "add", text, oldNumber: null, newNumber: newNumber++ });
      else if (part.removed) lines.push({ kind: "remove", text, oldNumber: oldNumber++, newNumber: null });
      else lines.push({ kind: "same", text, oldNumber: oldNumber++, newNumber: newNumber++ });
    }
  }
  const keep = lines.map(() => false);
  lines.forEach((line, index) => {
    if (line.kind === "same") return;
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k += 1) keep[k] = true;
  });
  const hunks: DiffHunk[] = [];
  let skipped = 0;
  let current: DiffHunk | null = null;
  lines.forEach((line, index) => {
    if (!keep[index]) {
      skipped += 1;
      current = null;
      return;
    }
    if (!current) {
      current = { lines: [], skippedBefore: skipped };
      hunks.push(current);
      skipped = 0;
    }
    current.lines.push(line);
  });
  return {
    hunks,
    added: lines.filter((line) => line.kind === "add").length,
    removed: lines.filter((line) => line.kind === "remove").length,
  };
}

export type ListDiff = { added: string[]; removed: string[] };

/** Tags and alert names: which entries came and went. */
export function listDiff(before: readonly string[], after: readonly string[]): ListDiff {
  const added: string[] = [];
  const removed: string[] = [];
  for (const part of diffArrays([...before].sort(), [...after].sort())) {
    if (part.added) added.push(...part.value);
    else if (part.removed) removed.push(...part.value);
  }
  return { added, removed };
}

export type RevisionContent = { title: string; body: string; tags: readonly string[]; alertNames: readonly string[] };
export type RevisionDiff = { title: { before: string; after: string } | null; body: TextDiff; tags: ListDiff; alertNames: ListDiff; unchanged: boolean };

export function revisionDiff(before: RevisionContent, after: RevisionContent): RevisionDiff {
  const body = lineDiff(before.body, after.body);
  const tags = listDiff(before.tags, after.tags);
  const alertNames = listDiff(before.alertNames, after.alertNames);
  const title = before.title === after.title ? null : { before: before.title, after: after.title };
  const unchanged = !title && body.hunks.length === 0 && [tags, alertNames].every((list) => !list.added.length && !list.removed.length);
  return { title, body, tags, alertNames, unchanged };
}
