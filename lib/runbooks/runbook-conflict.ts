// "No lost update": an edit based on an older revision is refused with everything the editor needs
// to merge by hand: the current text and who saved what since the editor's revision.
import type { DbTx } from "../db";
import { AppError } from "../errors";

export type RunbookConflictDetails = {
  baseRevision: number;
  currentRevision: number;
  current: { title: string; body: string; tags: string[]; alertNames: string[] };
  /** What the editor started from, so the UI can show what the other person changed. */
  base: { title: string; body: string; tags: string[]; alertNames: string[] } | null;
  changes: { number: number; authorLabel: string; summary: string; createdAt: string }[];
};

export class RunbookConflictError extends AppError {
  constructor(readonly details: RunbookConflictDetails) {
    const newer = details.changes.map((change) => `revision ${change.number} by ${change.authorLabel}`).join(", ");
    super(
      "CONFLICT",
      `Someone saved this runbook after you opened it (${newer}). Your changes are not saved yet: merge them into the current version and save again.`,
    );
    this.name = "RunbookConflictError";
  }
}

const contentSelect = { title: true, body: true, tags: true, alertNames: true } as const;

export async function runbookConflict(tx: DbTx, runbookId: string, baseRevision: number): Promise<RunbookConflictError> {
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
  });
}
