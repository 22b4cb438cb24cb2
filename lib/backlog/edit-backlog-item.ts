// The team changes an item's fields (not its status or place: those are their own moves).
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { conflict, parseInput } from "../errors";
import { itemForBacklogEdit } from "./backlog-access";
import { dueAtOf, resolveLinks } from "./item-links";
import { ZEditItem } from "./schemas";

const day = (at: Date | null) => (at ? at.toISOString().slice(0, 10) : null);

export async function editBacklogItem(prisma: Db, actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(ZEditItem, input);
  await prisma.$transaction(async (tx) => {
    const item = await itemForBacklogEdit(tx, actor, data.itemId);
    const links = await resolveLinks(tx, item.teamId, data, item);
    const next = {
      title: data.title, description: data.description, type: data.type, subtype: data.subtype ?? null, estimate: data.estimate ?? null,
      labels: data.labels ?? [], dueAt: dueAtOf(data.dueOn), ...links,
    };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const current: Record<string, unknown> = { ...item, dueAt: day(item.dueAt), labels: item.labels.join(", ") };
    const wanted: Record<string, unknown> = { ...next, dueAt: day(next.dueAt), labels: next.labels.join(", ") };
    for (const key of Object.keys(wanted)) {
      if (current[key] !== wanted[key]) {
        before[key] = current[key];
        after[key] = wanted[key];
      }
    }
    if (Object.keys(after).length === 0) throw conflict("Nothing changed.", { title: ["Change a field, then save."] });
    await tx.backlogItem.update({ where: { id: item.id }, data: next, select: { id: true } });
    await recordAuditEvent(tx, actor, { action: "backlog.edit-item", entityType: "BacklogItem", entityId: item.id, before: { name: `BL-${item.number} '${item.title}'`, ...before }, after });
  });
  await requestSeal(prisma);
}
