// Two people edited the same runbook from the same revision: merge line by line, three ways (node-diff3:
// the base both started from, the revision saved first ("theirs"), and this edit ("mine")). Changes
// that touch different lines apply by themselves; only lines both changed differently are conflicts
// for a person to decide. Short fields (title, tags, alerts) merge as a whole: one side's change wins
// when the other left the field alone.
import { diff3Merge } from "node-diff3";

export type MergeChunk = { kind: "same"; lines: string[] } | { kind: "conflict"; mine: string[]; theirs: string[]; base: string[] };
export type TextMerge = { clean: boolean; chunks: MergeChunk[] };

const lines = (text: string) => (text === "" ? [] : text.split("\n"));

export function mergeText(base: string, mine: string, theirs: string): TextMerge {
  const regions = diff3Merge(lines(mine), lines(base), lines(theirs), { excludeFalseConflicts: true });
  const chunks: MergeChunk[] = [];
  for (const region of regions) {
    if (region.ok) {
      const last = chunks.at(-1);
      if (last?.kind === "same") last.lines.push(...region.ok);
      else chunks.push({ kind: "same", lines: [...region.ok] });
    } else if (region.conflict) {
      chunks.push({ kind: "conflict", mine: region.conflict.a, theirs: region.conflict.b, base: region.conflict.o });
    }
  }
  return { clean: chunks.every((chunk) => chunk.kind === "same"), chunks };
}

export type Resolution = "mine" | "theirs" | "both";

/** The merged text once every conflict has a resolution (in order); the clean parts as they are. */
export function resolvedText(merge: TextMerge, resolutions: readonly Resolution[]): string {
  let conflict = 0;
  const out: string[] = [];
  for (const chunk of merge.chunks) {
    if (chunk.kind === "same") {
      out.push(...chunk.lines);
      continue;
    }
    const choice = resolutions[conflict++];
    if (choice === "mine") out.push(...chunk.mine);
    else if (choice === "theirs") out.push(...chunk.theirs);
    else if (choice === "both") out.push(...chunk.theirs, ...chunk.mine);
    else throw new Error("Every conflict needs a resolution.");
  }
  return out.join("\n");
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A short field: whichever side changed it wins; both changing it differently is a conflict (null). */
export function mergeField<T>(base: T, mine: T, theirs: T): { value: T } | null {
  if (same(mine, theirs) || same(theirs, base)) return { value: mine };
  if (same(mine, base)) return { value: theirs };
  return null;
}
