// GET /api/v1/teams/{slug}/backlog: the team's balance and its items in priority order. A token bound
// to one service reads its own service's owning team (another team, or a team that does not exist, is
// the same 403, so slugs cannot be probed); catalog:read or an organisation token reads any team.
import type { Actor } from "../../auth/actor";
import { ANOTHER_SERVICE, authorize, tokenServiceLimit } from "../../authz/can";
import type { Db } from "../../db";
import { forbidden, notFound, parseInput } from "../../errors";
import { recentDoneShare } from "../balance";
import { teamBalances } from "../queries";
import { ZBacklogApiQuery } from "../schemas";

export const API_ITEM_LIMIT = 5_000;

export async function backlogForApi(prisma: Db, actor: Actor, slug: unknown, now = new Date()) {
  authorize(actor, "backlog.read");
  const query = parseInput(ZBacklogApiQuery, { slug });
  const limit = tokenServiceLimit(actor, "backlog.read");
  const team = await prisma.team.findUnique({ where: { slug: query.slug }, select: { id: true, slug: true, name: true } });
  if (limit !== null) {
    const own = await prisma.service.findUnique({ where: { id: limit }, select: { teamId: true } });
    if (!team || own?.teamId !== team.id) throw forbidden(ANOTHER_SERVICE);
  }
  if (!team) throw notFound("The team");
  const [[balance], items] = await Promise.all([
    teamBalances(prisma, [team.id], now),
    prisma.backlogItem.findMany({
      where: { teamId: team.id },
      orderBy: { rank: "asc" },
      take: API_ITEM_LIMIT,
      select: { id: true, number: true, title: true, type: true, subtype: true, status: true, estimate: true },
    }),
  ]);
  return {
    team: { slug: team.slug, name: team.name },
    targetOperationalShare: balance!.target,
    plannedOperationalShare: balance!.planned.share,
    doneOperationalShare: recentDoneShare(balance!.doneByWeek).share,
    signal: balance!.signal ? { reason: balance!.signal.reason, services: balance!.signal.services.map((s) => ({ slug: s.slug, name: s.name, reasons: s.reasons })) } : null,
    items: items.map((item, index) => ({ id: item.id, key: `BL-${item.number}`, title: item.title, type: item.type, subtype: item.subtype, status: item.status, estimate: item.estimate, rank: index + 1 })),
  };
}
