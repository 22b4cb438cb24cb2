// One priority order per team: moving an item rewrites that one row. The caller names where it goes
// (top, bottom, after or before another item); the new rank is a key between the neighbours' ranks
// read here, under the backlog's lock, so two reorders at once never compute the same key. The item's
// current rank and both neighbours come from one query (rank-neighbours.ts) on the (teamId, rank) index.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSealInBackground } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { AppError, parseInput } from "../errors";
import { itemForBacklogEdit, lockBacklog } from "./backlog-access";
import { generateKeyBetween } from "./ranks";
import { rankNeighbours } from "./rank-neighbours";
import { ZReorderItem } from "./schemas";

const named = (item: { number: number; title: string } | null) => (item ? `BL-${item.number} '${item.title}'` : null);

export async function reorderBacklogItem(prisma: Db, actor: Actor, input: unknown): Promise<{ rank: string; moved: boolean }> {
  const data = parseInput(ZReorderItem, input);
  if ((data.to === "after" || data.to === "before") && data.targetId === data.itemId) throw AppError.validation({ targetId: ["An item cannot move next to itself."] });
  const moved = await prisma.$transaction(async (tx) => {
    const item = await itemForBacklogEdit(tx, actor, data.itemId);
    await lockBacklog(tx, item.teamId);
    // Read under the lock: a reorder that committed while we waited may have moved it or its neighbours.
    const place = await rankNeighbours(tx, item.teamId, item.id, data);
    if (!place) throw AppError.validation({ targetId: ["That item is not in this backlog (any more): reload the page."] });
    const { current, prev, next } = place;
    // Already in that place (the neighbours are adjacent): nothing to write, nothing to audit.
    if ((prev === null || prev.rank < current) && (next === null || current < next.rank)) return { rank: current, moved: false };
    const rank = generateKeyBetween(prev?.rank ?? null, next?.rank ?? null);
    await tx.backlogItem.update({ where: { id: item.id }, data: { rank }, select: { id: true } });
    await recordAuditEvent(tx, actor, {
      action: "backlog.reorder-item", entityType: "BacklogItem", entityId: item.id,
      before: { name: `BL-${item.number} '${item.title}'` },
      after: { to: data.to, after: named(prev), before: named(next) },
    });
    return { rank, moved: true };
  });
  // Reorders come in bursts from dragging: the event is committed with the move; chaining it into the
  // audit hash chain follows a moment later rather than holding up the drag.
  if (moved.moved) requestSealInBackground(prisma);
  return moved;
}
