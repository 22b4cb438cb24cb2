import type { Actor } from "../auth/actor";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { notFound, parseInput } from "../errors";
import { ZRestoreRevision } from "./schemas";
import { saveRevision } from "./update-runbook";

/** Restoring never rewrites history: the old content becomes a new revision on top. */
export async function restoreRunbookRevision(
  prisma: Db,
  actor: Actor,
  runbookId: string,
  input: { number: number | string; baseRevision: number | string },
): Promise<{ id: string; revision: number }> {
  const { number, baseRevision } = parseInput(ZRestoreRevision, input);
  const saved = await prisma.$transaction(async (tx) => {
    const runbook = await tx.runbook.findUnique({
      where: { id: runbookId },
      select: { reviewIntervalDays: true, ownerId: true, service: { select: { teamId: true } } },
    });
    if (!runbook) throw notFound("The runbook");
    authorize(actor, "runbooks.edit", { teamId: runbook.service.teamId });
    const old = await tx.runbookRevision.findUnique({
      where: { runbookId_number: { runbookId, number } },
      select: { title: true, body: true, tags: true, alertNames: true },
    });
    if (!old) throw notFound(`Revision ${number}`);
    // An alert name restored from old content may since lead to another runbook of the service: drop
    // it rather than make the lookup API ambiguous.
    const elsewhere = await tx.runbook.findMany({
      where: { id: { not: runbookId }, service: { runbooks: { some: { id: runbookId } } }, alertNames: { hasSome: old.alertNames } },
      select: { alertNames: true },
    });
    const taken = new Set(elsewhere.flatMap((row) => row.alertNames));
    return saveRevision(
      tx,
      actor,
      runbookId,
      baseRevision,
      {
        ...old,
        alertNames: old.alertNames.filter((name) => !taken.has(name)),
        reviewIntervalDays: runbook.reviewIntervalDays,
        ownerId: runbook.ownerId,
        summary: `Restored revision ${number}`,
      },
      { action: "runbook.restore", restoredFromNumber: number },
    );
  });
  await requestSeal(prisma);
  return saved;
}
