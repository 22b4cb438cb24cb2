import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { notFound } from "../errors";

/** "I read it and it is still right": restarts the review interval; recorded in the audit trail. */
export async function markRunbookReviewed(prisma: Db, actor: Actor, runbookId: string, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const runbook = await tx.runbook.findUnique({
      where: { id: runbookId },
      select: { id: true, slug: true, revision: true, lastReviewedAt: true, lastReviewedById: true, service: { select: { teamId: true } } },
    });
    if (!runbook) throw notFound("The runbook");
    authorize(actor, "runbooks.edit", { teamId: runbook.service.teamId });
    const reviewerId = actor.kind === "PERSON" ? actor.id : null;
    await tx.runbook.update({ where: { id: runbookId }, data: { lastReviewedAt: now, lastReviewedById: reviewerId }, select: { id: true } });
    await recordAuditEvent(tx, actor, {
      action: "runbook.review",
      entityType: "Runbook",
      entityId: runbookId,
      before: { slug: runbook.slug, revision: runbook.revision, lastReviewedAt: runbook.lastReviewedAt, lastReviewedById: runbook.lastReviewedById },
      after: { slug: runbook.slug, revision: runbook.revision, lastReviewedAt: now, lastReviewedById: reviewerId },
    });
  });
  await requestSeal(prisma);
}
