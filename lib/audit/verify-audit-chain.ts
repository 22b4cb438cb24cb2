import type { Actor } from "../auth/actor";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { checkChain, GENESIS_HASH } from "./hash";
import { hashedColumns, sealAllPending } from "./seal-audit-events";

export type ChainVerification = { ok: boolean; checked: number; firstBrokenEventId: string | null };

const PAGE = 2000;

/** Recomputes the whole chain in seq order. Seals pending events first so nothing committed is skipped. */
export async function verifyAuditChain(prisma: Db, actor: Actor): Promise<ChainVerification> {
  authorize(actor, "audit.verify");
  await sealAllPending(prisma);
  let previous = { hash: GENESIS_HASH, seq: 0n };
  let checked = 0;
  for (;;) {
    const links = await prisma.auditEvent.findMany({
      where: { seq: { gt: previous.seq } },
      orderBy: { seq: "asc" },
      take: PAGE,
      select: { ...hashedColumns, seq: true, prevHash: true, hash: true },
    });
    const sealed = links.map((link) => ({ ...link, seq: link.seq as bigint }));
    const result = checkChain(sealed, previous);
    if (!result.ok) {
      const brokenIndex = sealed.findIndex((link) => link.id === result.firstBrokenEventId);
      return { ok: false, checked: checked + brokenIndex + 1, firstBrokenEventId: result.firstBrokenEventId };
    }
    checked += sealed.length;
    if (sealed.length < PAGE) return { ok: true, checked, firstBrokenEventId: null };
    previous = { hash: result.lastHash, seq: result.lastSeq };
  }
}
