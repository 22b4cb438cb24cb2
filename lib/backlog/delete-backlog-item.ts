// The team removes an item from its backlog. The audit event keeps its name and what it was.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { parseInput } from "../errors";
import { itemForBacklogEdit } from "./backlog-access";
import { ZDeleteItem } from "./schemas";

export async function deleteBacklogItem(prisma: Db, actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(ZDeleteItem, input);
  await prisma.$transaction(async (tx) => {
    const item = await itemForBacklogEdit(tx, actor, data.itemId);
    await tx.backlogItem.delete({ where: { id: item.id }, select: { id: true } });
    await recordAuditEvent(tx, actor, {
      action: "backlog.delete-item", entityType: "BacklogItem", entityId: item.id,
      before: { name: `BL-${item.number} '${item.title}'`, teamId: item.teamId, type: item.type, subtype: item.subtype, status: item.status, estimate: item.estimate },
    });
  });
  await requestSeal(prisma);
}
