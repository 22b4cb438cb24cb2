// "No lost update": an edit based on an older revision is refused with everything the editor needs
// to merge by hand: the current text and who saved what since the editor's revision.
import type { DbTx } from "../db";
import { AppError } from "../errors";
import type { TextMerge } from "./three-way-merge";

export type RunbookConflictDetails = {
  baseRevision: number;
  currentRevision: number;
  current: { title: string; body: string; tags: string[]; alertNames: string[] };
  /** What the editor started from, so the UI can show what the other person changed. */
  base: { title: string; body: string; tags: string[]; alertNames: string[] } | null;
  changes: { number: number; authorLabel: string; summary: string; createdAt: string }[];
  /** The three-way merge of the body (base, theirs, mine): only its conflict chunks need a decision. */
  merge: TextMerge | null;
  /** Short fields both sides changed differently. */
  clashingFields: string[];
};

export class RunbookConflictError extends AppError {
  constructor(readonly details: RunbookConflictDetails) {
    const newer = details.changes.map((change) => `revision ${change.number} by ${change.authorLabel}`).join(", ");
    const conflicts = details.merge?.chunks.filter((chunk) => chunk.kind === "conflict").length ?? 0;
    const what = conflicts ? `${conflicts === 1 ? "one place" : `${conflicts} places`} where you both changed the same lines` : "changes to the same fields";
    super(
      "CONFLICT",
      `Someone saved this runbook after you opened it (${newer}). Everything else merged; decide the ${what}, then save again. Your changes are not saved yet.`,
    );
    this.name = "RunbookConflictError";
  }
}

const contentSelect = { title: true, body: true, tags: true, alertNames: true } as const;

export async function runbookConflict(tx: DbTx, runbookId: string, baseRevision: number, mergeWith?: { merge: TextMerge | null; clashingFields: string[] }): Promise<RunbookConflictError> {
  const [runbook, base, changes] = await Promise.all([
    tx.runbook.findUniqueOrThrow({ where: { id: runbookId }, select: { ...contentSelect, revision: true } }),
    tx.runbookRevision.findUnique({ where: { runbookId_number: { runbookId, number: baseRevision } }, select: contentSelect }),
    tx.runbookRevision.findMany({
      where: { runbookId, number: { gt: baseRevision } },
      orderBy: { number: "asc" },
      select: { number: true, authorLabel: true, summary: true, createdAt: true },
    }),
  ]);
  const { revision, ...current } = runbook;
  return new RunbookConflictError({
    baseRevision,
    currentRevision: revision,
    current,
    base,
    changes: changes.map((change) => ({ ...change, createdAt: change.createdAt.toISOString() })),
    merge: mergeWith?.merge ?? null,
    clashingFields: mergeWith?.clashingFields ?? [],
  });
}
