// Ranks at the ends of a team's backlog, read inside the transaction that holds its lock.
import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";
import type { DbTx } from "../db";

async function endRank(tx: DbTx, teamId: string, end: "first" | "last"): Promise<string | null> {
  const row = await tx.backlogItem.findFirst({ where: { teamId }, orderBy: { rank: end === "first" ? "asc" : "desc" }, select: { rank: true } });
  return row?.rank ?? null;
}

/** `n` keys above every item of the backlog, in order. */
export async function ranksAtTop(tx: DbTx, teamId: string, n: number): Promise<string[]> {
  return generateNKeysBetween(null, await endRank(tx, teamId, "first"), n);
}

/** `n` keys below every item of the backlog, in order. */
export async function ranksAtBottom(tx: DbTx, teamId: string, n: number): Promise<string[]> {
  return generateNKeysBetween(await endRank(tx, teamId, "last"), null, n);
}

export { generateKeyBetween };
