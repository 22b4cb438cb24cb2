// API tokens: `rw_` + 32 random bytes. Only the SHA-256 is stored; the secret is shown once.
import { createHash, randomBytes } from "node:crypto";
import { db, preparedStatement, runPrepared } from "../db";
import type { Actor } from "./actor";

export const TOKEN_PREFIX = "rw_";

export function generateTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

type TokenRow = {
  id: string; name: string; prefix: string; scopes: string[]; serviceId: string | null;
  expiresAt: Date | null; revokedAt: Date | null; lastUsedAt: Date | null;
};

const LAST_USED_EVERY_MS = 60_000;
// When this process last wrote a token's last use: only spares the database repeated writes of an
// informational column during a burst; nothing about access depends on it.
const lastUseWritten: Map<string, number> = ((globalThis as { [key: symbol]: Map<string, number> })[Symbol.for("runwell.token-last-use")] ??= new Map());

/**
 * Read on every request, never cached in the process. A revocation must stop a token at once in every
 * server process and every instance on the database; a module-level cache did not (a production build
 * holds several copies of this module, one per route chunk, and each kept serving a revoked token for
 * seconds). One prepared statement on the unique hash index costs a fraction of a millisecond
 * (docs/PERFORMANCE.md). Timestamps are stored as UTC without a zone: AT TIME ZONE 'UTC' hands pg instants.
 */
async function readToken(tokenHash: string): Promise<TokenRow | null> {
  const [token] = await runPrepared<TokenRow>(db(), preparedStatement("api-token-by-hash", (p) => `
    SELECT id, name, prefix, COALESCE(scopes, '{}') AS scopes, "serviceId", "expiresAt" AT TIME ZONE 'UTC' AS "expiresAt",
           "revokedAt" AT TIME ZONE 'UTC' AS "revokedAt", "lastUsedAt" AT TIME ZONE 'UTC' AS "lastUsedAt"
      FROM "ApiToken" WHERE "tokenHash" = ${p(tokenHash)}::text`));
  return token ?? null;
}

export async function actorForBearerToken(secret: string, now = new Date()): Promise<Actor | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const token = await readToken(hashToken(secret));
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return null;
  // Last-used is informational: written at most once a minute per token, and never waited for.
  const lastUse = Math.max(token.lastUsedAt?.getTime() ?? 0, lastUseWritten.get(token.id) ?? 0);
  if (now.getTime() - lastUse > LAST_USED_EVERY_MS) {
    if (lastUseWritten.size > 10_000) lastUseWritten.clear();
    lastUseWritten.set(token.id, now.getTime());
    db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now }, select: { id: true } }).catch((error: unknown) => {
      console.error("could not record a token's last use", error);
    });
  }
  return { kind: "TOKEN", id: token.id, label: `token:${token.name} (${token.prefix}…)`, scopes: token.scopes, serviceId: token.serviceId };
}
