import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { notFound } from "../errors";

/** Revokes a token at once, in every process (tokens are read per request); revoking twice is harmless and audited once. */
export async function revokeApiToken(prisma: Db, actor: Actor, tokenId: string, now = new Date()) {
  const revoked = await prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({
      where: { id: tokenId },
      select: { id: true, name: true, prefix: true, revokedAt: true, service: { select: { teamId: true } } },
    });
    if (!token) throw notFound("The token");
    authorize(actor, "tokens.manage", { teamId: token.service?.teamId });
    if (token.revokedAt) return token;
    const updated = await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: now }, select: { id: true, name: true, prefix: true, revokedAt: true } });
    await recordAuditEvent(tx, actor, {
      action: "api-token.revoke", entityType: "ApiToken", entityId: tokenId,
      before: { revokedAt: null }, after: { name: updated.name, prefix: updated.prefix, revokedAt: updated.revokedAt },
    });
    return updated;
  });
  await requestSeal(prisma);
  return { id: revoked.id, revokedAt: revoked.revokedAt };
}
