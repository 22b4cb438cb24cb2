import { actorLabel, type Actor } from "../auth/actor";
import type { AuditAction } from "../audit/audit-actions";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db, DbTx } from "../db";
import { notFound, parseInput } from "../errors";
import { runbookConflict, RunbookConflictError } from "./runbook-conflict";
import { mergeField, mergeText, resolvedText } from "./three-way-merge";
import { runbookSnapshot } from "./runbook-snapshot";
import { ZUpdateRunbook, type TRunbookContent } from "./schemas";
import { validateRunbookContent } from "./validate-runbook";

/**
 * Saves an edit as a new revision. When someone else saved since `baseRevision`, the edit is merged
 * three ways into the current revision: saved if nothing clashes, else a conflict naming what does.
 */
export async function updateRunbook(prisma: Db, actor: Actor, runbookId: string, input: unknown): Promise<{ id: string; revision: number; mergedWith?: number }> {
  const { baseRevision, ...data } = parseInput(ZUpdateRunbook, input);
  const saved = await prisma.$transaction(async (tx) => {
    const current = await tx.runbook.findUnique({ where: { id: runbookId }, select: { id: true, serviceId: true, service: { select: { teamId: true } } } });
    if (!current) throw notFound("The runbook");
    authorize(actor, "runbooks.edit", { teamId: current.service.teamId });
    await validateRunbookContent(tx, current.serviceId, data, runbookId);
    try {
      return await saveRevision(tx, actor, runbookId, baseRevision, data, { action: "runbook.update", restoredFromNumber: null });
    } catch (error) {
      if (!(error instanceof RunbookConflictError) || !error.details.base) throw error;
      return saveMerged(tx, actor, runbookId, data, error);
    }
  });
  await requestSeal(prisma);
  return saved;
}

/**
 * The optimistic-concurrency write: bump the revision only where it still equals the editor's base.
 * Zero rows updated means someone else won, and the transaction ends with a conflict.
 */
export async function saveRevision(
  tx: DbTx,
  actor: Actor,
  runbookId: string,
  baseRevision: number,
  data: TRunbookContent,
  meta: { action: Extract<AuditAction, "runbook.update" | "runbook.restore">; restoredFromNumber: number | null },
): Promise<{ id: string; revision: number }> {
  const before = await runbookSnapshot(tx, runbookId);
  const { count } = await tx.runbook.updateMany({
    where: { id: runbookId, revision: baseRevision },
    data: {
      title: data.title,
      body: data.body,
      tags: data.tags,
      alertNames: data.alertNames,
      reviewIntervalDays: data.reviewIntervalDays,
      ownerId: data.ownerId,
      revision: { increment: 1 },
    },
  });
  if (count === 0) throw await runbookConflict(tx, runbookId, baseRevision);
  const number = baseRevision + 1;
  await tx.runbookRevision.create({
    data: {
      runbookId,
      number,
      title: data.title,
      body: data.body,
      tags: data.tags,
      alertNames: data.alertNames,
      summary: data.summary,
      authorId: actor.kind === "PERSON" ? actor.id : null,
      authorLabel: actorLabel(actor),
      restoredFromNumber: meta.restoredFromNumber,
    },
    select: { id: true },
  });
  await recordAuditEvent(tx, actor, {
    action: meta.action,
    entityType: "Runbook",
    entityId: runbookId,
    before,
    after: { ...(await runbookSnapshot(tx, runbookId)), summary: data.summary, restoredFromNumber: meta.restoredFromNumber },
  });
  return { id: runbookId, revision: number };
}

/** The edit merged into what was saved meanwhile; saved when clean, else the conflict with the merge. */
async function saveMerged(tx: DbTx, actor: Actor, runbookId: string, mine: TRunbookContent, conflict: RunbookConflictError): Promise<{ id: string; revision: number; mergedWith: number }> {
  const { base, current, currentRevision } = conflict.details;
  const body = mergeText(base!.body, mine.body, current.body);
  const fields = { title: mergeField(base!.title, mine.title, current.title), tags: mergeField(base!.tags, mine.tags, current.tags), alertNames: mergeField(base!.alertNames, mine.alertNames, current.alertNames) };
  const clashingFields = Object.entries(fields).filter(([, merged]) => merged === null).map(([name]) => name);
  if (!body.clean || clashingFields.length) throw await runbookConflict(tx, runbookId, conflict.details.baseRevision, { merge: body, clashingFields });
  const merged: TRunbookContent = {
    ...mine,
    body: resolvedText(body, []),
    title: fields.title!.value,
    tags: fields.tags!.value,
    alertNames: fields.alertNames!.value,
    summary: [mine.summary, `merged with revision ${currentRevision}`].filter(Boolean).join(" (") + (mine.summary ? ")" : ""),
  };
  const saved = await saveRevision(tx, actor, runbookId, currentRevision, merged, { action: "runbook.update", restoredFromNumber: null });
  return { ...saved, mergedWith: currentRevision };
}
