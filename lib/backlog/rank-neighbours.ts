// Where an item would go in its backlog: its current rank and the ranks of the two items it would sit
// between, in one query (each neighbour an index probe on (teamId, rank); the column is COLLATE "C").
import { z } from "zod";
import type { DbTx } from "../db";
import { Prisma } from "../generated/prisma/client.ts";

export type Neighbour = { number: number; title: string; rank: string };
export type Place = { to: "top" } | { to: "bottom" } | { to: "after"; targetId: string } | { to: "before"; targetId: string };

const ZRow = z.object({
  current: z.string().nullable(),
  target: z.string().nullable(),
  prev: z.object({ number: z.number(), title: z.string(), rank: z.string() }).nullable(),
  next: z.object({ number: z.number(), title: z.string(), rank: z.string() }).nullable(),
});

const neighbour = (where: Prisma.Sql, order: Prisma.Sql) => Prisma.sql`
  (SELECT json_build_object('number', b.number, 'title', b.title, 'rank', b.rank) FROM "BacklogItem" b
    WHERE b."teamId" = t.team AND b.id <> t.item AND ${where} ORDER BY b.rank ${order} LIMIT 1)`;

/** Null when the target is not an item of this backlog. */
export async function rankNeighbours(tx: DbTx, teamId: string, itemId: string, place: Place): Promise<{ current: string; prev: Neighbour | null; next: Neighbour | null } | null> {
  const targetId = place.to === "after" || place.to === "before" ? place.targetId : null;
  const target = Prisma.sql`(SELECT rank FROM "BacklogItem" WHERE id = ${targetId} AND "teamId" = ${teamId})`;
  const prev =
    place.to === "top" ? Prisma.sql`NULL::json` :
    place.to === "bottom" ? neighbour(Prisma.sql`true`, Prisma.sql`DESC`) :
    place.to === "after" ? neighbour(Prisma.sql`b.rank = t.target`, Prisma.sql`ASC`) :
    neighbour(Prisma.sql`b.rank < t.target`, Prisma.sql`DESC`);
  const next =
    place.to === "bottom" ? Prisma.sql`NULL::json` :
    place.to === "top" ? neighbour(Prisma.sql`true`, Prisma.sql`ASC`) :
    place.to === "after" ? neighbour(Prisma.sql`b.rank > t.target`, Prisma.sql`ASC`) :
    neighbour(Prisma.sql`b.rank = t.target`, Prisma.sql`ASC`);
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT t.current, t.target, ${prev} AS prev, ${next} AS next
      FROM (SELECT ${teamId}::text AS team, ${itemId}::text AS item,
                   (SELECT rank FROM "BacklogItem" WHERE id = ${itemId}) AS current, ${target} AS target) t`;
  const row = ZRow.parse(rows[0]);
  if (row.current === null || (targetId !== null && row.target === null)) return null;
  return { current: row.current, prev: row.prev, next: row.next };
}
