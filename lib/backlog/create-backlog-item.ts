// A team member adds an item to the team's backlog: at the bottom of the priority order (the team
// decides where it goes by moving it up), with its links checked and the addition audited.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { parseInput } from "../errors";
import { lockBacklog, teamForBacklogEdit } from "./backlog-access";
import { dueAtOf, resolveLinks, statusStamps } from "./item-links";
import { ranksAtBottom } from "./ranks";
import { ZCreateItem } from "./schemas";

export async function createBacklogItem(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<{ id: string; number: number }> {
  const data = parseInput(ZCreateItem, input);
  const created = await prisma.$transaction(async (tx) => {
    const team = await teamForBacklogEdit(tx, actor, data.teamSlug);
    const links = await resolveLinks(tx, team.id, data);
    await lockBacklog(tx, team.id);
    const [rank] = await ranksAtBottom(tx, team.id, 1);
    const item = await tx.backlogItem.create({
      data: {
        teamId: team.id, type: data.type, subtype: data.subtype ?? null, title: data.title, description: data.description,
        estimate: data.estimate ?? null, status: data.status, ...statusStamps(data.status, { startedAt: null, doneAt: null }, now),
        rank: rank!, source: "MANUAL", labels: data.labels ?? [], dueAt: dueAtOf(data.dueOn), ...links,
        createdById: actor.kind === "PERSON" ? actor.id : null,
      },
      select: { id: true, number: true },
    });
    await recordAuditEvent(tx, actor, {
      action: "backlog.create-item", entityType: "BacklogItem", entityId: item.id,
      after: { name: `BL-${item.number} '${data.title}'`, teamId: team.id, type: data.type, subtype: data.subtype ?? null, estimate: data.estimate ?? null, status: data.status },
    });
    return item;
  });
  await requestSeal(prisma);
  return created;
}
