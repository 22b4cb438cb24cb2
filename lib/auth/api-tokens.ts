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

type CachedToken = {
  id: string; name: string; prefix: string; scopes: string[]; serviceId: string | null;
  expiresAt: Date | null; lastUsedAt: Date | null; cachedAt: number;
};

/**
 * Verified tokens, by hash, for TOKEN_CACHE_MS: a pipeline reporting hundreds of deployments a second
 * costs one token read per token every few seconds instead of one per request. Revocation therefore
 * takes effect within TOKEN_CACHE_MS in other server processes, and at once in the process that revoked
 * (revokeApiToken calls forgetCachedTokens). Expiry is checked on every request against the cached row.
 */
export const TOKEN_CACHE_MS = 5_000;
const TOKEN_CACHE_MAX = 1_000;
const LAST_USED_EVERY_MS = 60_000;
const tokenCache = new Map<string, CachedToken>();

/** Drops every cached verification (after a revocation). */
export function forgetCachedTokens(): void {
  tokenCache.clear();
}

async function readToken(tokenHash: string, now: Date): Promise<CachedToken | null> {
  const cached = tokenCache.get(tokenHash);
  if (cached && Date.now() - cached.cachedAt < TOKEN_CACHE_MS) return cached;
  // A prepared statement, not the ORM: a cache miss per token every TOKEN_CACHE_MS adds up across a
  // pipeline fleet. Timestamps are stored as UTC without a zone: AT TIME ZONE 'UTC' hands pg real instants.
  const [token] = await runPrepared<{
    id: string; name: string; prefix: string; scopes: string[]; serviceId: string | null;
    expiresAt: Date | null; revokedAt: Date | null; lastUsedAt: Date | null;
  }>(db(), preparedStatement("api-token-by-hash", (p) => `
    SELECT id, name, prefix, COALESCE(scopes, '{}') AS scopes, "serviceId", "expiresAt" AT TIME ZONE 'UTC' AS "expiresAt",
           "revokedAt" AT TIME ZONE 'UTC' AS "revokedAt", "lastUsedAt" AT TIME ZONE 'UTC' AS "lastUsedAt"
      FROM "ApiToken" WHERE "tokenHash" = ${p(tokenHash)}::text`));
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) {
    tokenCache.delete(tokenHash);
    return null;
  }
  const entry = { ...token, cachedAt: Date.now() };
  tokenCache.delete(tokenHash);
  tokenCache.set(tokenHash, entry);
  if (tokenCache.size > TOKEN_CACHE_MAX) tokenCache.delete(tokenCache.keys().next().value!);
  return entry;
}

export async function actorForBearerToken(secret: string, now = new Date()): Promise<Actor | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const token = await readToken(hashToken(secret), now);
  if (!token || (token.expiresAt && token.expiresAt <= now)) return null;
  // Last-used is informational: written at most once a minute per token, and never waited for.
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    token.lastUsedAt = now;
    db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now }, select: { id: true } }).catch((error: unknown) => {
      console.error("could not record a token's last use", error);
    });
  }
  return { kind: "TOKEN", id: token.id, label: `token:${token.name} (${token.prefix}…)`, scopes: token.scopes, serviceId: token.serviceId };
}
