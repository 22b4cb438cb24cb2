// The retrospective review of an emergency change, by a change manager who did not raise it.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { conflict, forbidden, parseInput } from "../errors";
import { loadChange } from "./change-access";
import { ZReview } from "./schemas";

export async function reviewEmergency(prisma: Db, actor: Actor, changeId: string, input: unknown, now = new Date()) {
  authorize(actor, "changes.review-emergency"); // who may, before what they sent is read
  const data = parseInput(ZReview, input);
  const change = await loadChange(prisma, changeId);
  if (actor.kind === "PERSON" && change.requesterId === actor.id) throw forbidden("Nobody reviews their own emergency change.");
  if (change.type !== "EMERGENCY") throw conflict(`CHG-${change.number} is not an emergency change.`);
  if (change.reviewedAt) throw conflict(`CHG-${change.number} was already reviewed.`);
  await prisma.$transaction(async (tx) => {
    const updated = await tx.changeRequest.updateMany({ where: { id: changeId, reviewedAt: null }, data: { reviewedAt: now, reviewedById: actor.kind === "PERSON" ? actor.id : null, reviewNotes: data.notes } });
    if (updated.count === 0) throw conflict("The change was reviewed meanwhile.");
    await recordAuditEvent(tx, actor, { action: "change.review", entityType: "ChangeRequest", entityId: changeId, after: { reviewedAt: now, notes: data.notes } });
  });
  await requestSeal(prisma);
}
