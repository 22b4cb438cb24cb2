// One priority order per team: moving an item rewrites that one row. The caller names where it goes
// (top, bottom, after or before another item); the new rank is a key between the neighbours' ranks
// read here, under the backlog's lock, so two reorders at once never compute the same key.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db, DbTx } from "../db";
import { AppError, parseInput } from "../errors";
import { itemForBacklogEdit, lockBacklog } from "./backlog-access";
import { generateKeyBetween } from "./ranks";
import { ZReorderItem } from "./schemas";

type Neighbours = { prev: { id: string; number: number; title: string; rank: string } | null; next: { id: string; number: number; title: string; rank: string } | null };
const NEIGHBOUR = { id: true, number: true, title: true, rank: true } as const;

async function neighbours(tx: DbTx, teamId: string, itemId: string, place: { to: "top" } | { to: "bottom" } | { to: "after"; targetId: string } | { to: "before"; targetId: string }): Promise<Neighbours> {
  const others = { teamId, id: { not: itemId } };
  if (place.to === "top") return { prev: null, next: await tx.backlogItem.findFirst({ where: others, orderBy: { rank: "asc" }, select: NEIGHBOUR }) };
  if (place.to === "bottom") return { prev: await tx.backlogItem.findFirst({ where: others, orderBy: { rank: "desc" }, select: NEIGHBOUR }), next: null };
  if (place.targetId === itemId) throw AppError.validation({ targetId: ["An item cannot move next to itself."] });
  const target = await tx.backlogItem.findFirst({ where: { id: place.targetId, teamId }, select: NEIGHBOUR });
  if (!target) throw AppError.validation({ targetId: ["That item is not in this backlog (any more): reload the page."] });
  if (place.to === "after") {
    return { prev: target, next: await tx.backlogItem.findFirst({ where: { ...others, rank: { gt: target.rank } }, orderBy: { rank: "asc" }, select: NEIGHBOUR }) };
  }
  return { prev: await tx.backlogItem.findFirst({ where: { ...others, rank: { lt: target.rank } }, orderBy: { rank: "desc" }, select: NEIGHBOUR }), next: target };
}

export async function reorderBacklogItem(prisma: Db, actor: Actor, input: unknown): Promise<{ rank: string; moved: boolean }> {
  const data = parseInput(ZReorderItem, input);
  const moved = await prisma.$transaction(async (tx) => {
    const item = await itemForBacklogEdit(tx, actor, data.itemId);
    await lockBacklog(tx, item.teamId);
    // Read again under the lock: a reorder that committed while we waited may have moved it.
    const { rank: current } = await tx.backlogItem.findUniqueOrThrow({ where: { id: item.id }, select: { rank: true } });
    const { prev, next } = await neighbours(tx, item.teamId, item.id, data);
    // Already in that place (the neighbours are adjacent): nothing to write, nothing to audit.
    if ((prev === null || prev.rank < current) && (next === null || current < next.rank)) return { rank: current, moved: false };
    const rank = generateKeyBetween(prev?.rank ?? null, next?.rank ?? null);
    await tx.backlogItem.update({ where: { id: item.id }, data: { rank }, select: { id: true } });
    await recordAuditEvent(tx, actor, {
      action: "backlog.reorder-item", entityType: "BacklogItem", entityId: item.id,
      before: { name: `BL-${item.number} '${item.title}'` },
      after: { to: data.to, after: prev ? `BL-${prev.number} '${prev.title}'` : null, before: next ? `BL-${next.number} '${next.title}'` : null },
    });
    return { rank, moved: true };
  });
  if (moved.moved) await requestSeal(prisma);
  return moved;
}
