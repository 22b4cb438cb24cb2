// An item moves between to do, doing and done; the stamps follow (started, done; cleared going back).
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { conflict, parseInput } from "../errors";
import { itemForBacklogEdit } from "./backlog-access";
import { statusStamps } from "./item-links";
import { ZMoveItem } from "./schemas";

export async function moveBacklogItem(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<void> {
  const data = parseInput(ZMoveItem, input);
  await prisma.$transaction(async (tx) => {
    const item = await itemForBacklogEdit(tx, actor, data.itemId);
    if (item.status === data.status) throw conflict("The item already has that status.", { status: ["It already is."] });
    await tx.backlogItem.update({ where: { id: item.id }, data: { status: data.status, ...statusStamps(data.status, item, now) }, select: { id: true } });
    await recordAuditEvent(tx, actor, {
      action: "backlog.move-item", entityType: "BacklogItem", entityId: item.id,
      before: { name: `BL-${item.number} '${item.title}'`, status: item.status }, after: { status: data.status },
    });
  });
  await requestSeal(prisma);
}
