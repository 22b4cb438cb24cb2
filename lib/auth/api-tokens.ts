// API tokens: `rw_` + 32 random bytes. Only the SHA-256 is stored; the secret is shown once.
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db";
import type { Actor } from "./actor";

export const TOKEN_PREFIX = "rw_";

export function generateTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export async function actorForBearerToken(secret: string, now = new Date()): Promise<Actor | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const token = await db().apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: { id: true, name: true, prefix: true, scopes: true, serviceId: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return null;
  // Last-used is informational; writing it at most once a minute keeps hot tokens off the write path.
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now }, select: { id: true } });
  }
  return { kind: "TOKEN", id: token.id, label: `token:${token.name} (${token.prefix}…)`, scopes: token.scopes, serviceId: token.serviceId };
}
