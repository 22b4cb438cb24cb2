import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { conflict } from "../errors";
import { loadChange } from "./change-access";
import { canMove } from "./state-machine";

/** The owning team withdraws a change that has not been implemented. */
export async function cancelChange(prisma: Db, actor: Actor, changeId: string) {
  const change = await loadChange(prisma, changeId);
  authorize(actor, "changes.raise", { teamId: change.service.teamId });
  if (!canMove(change.state, "CANCELLED")) throw conflict(`A ${change.state.toLowerCase()} change cannot be cancelled.`);
  await prisma.$transaction(async (tx) => {
    const moved = await tx.changeRequest.updateMany({ where: { id: changeId, state: change.state }, data: { state: "CANCELLED" } });
    if (moved.count === 0) throw conflict("The change was changed meanwhile; reload the page.");
    await recordAuditEvent(tx, actor, { action: "change.cancel", entityType: "ChangeRequest", entityId: changeId, before: { state: change.state }, after: { state: "CANCELLED" } });
  });
  await requestSeal(prisma);
}
