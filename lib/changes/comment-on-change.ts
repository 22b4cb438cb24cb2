import type { Actor } from "../auth/actor";
import { actorId, actorLabel } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { parseInput } from "../errors";
import { loadChange } from "./change-access";
import { ZComment } from "./schemas";

export async function commentOnChange(prisma: Db, actor: Actor, changeId: string, input: unknown) {
  const data = parseInput(ZComment, input);
  authorize(actor, "changes.comment");
  await loadChange(prisma, changeId);
  const comment = await prisma.$transaction(async (tx) => {
    const created = await tx.changeComment.create({ data: { changeId, authorId: actorId(actor), authorLabel: actorLabel(actor), body: data.body }, select: { id: true, body: true } });
    await recordAuditEvent(tx, actor, { action: "change.comment", entityType: "ChangeRequest", entityId: changeId, after: created });
    return created;
  });
  await requestSeal(prisma);
  return comment;
}
