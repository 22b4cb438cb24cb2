import type { Db } from "../db";

export type ServiceTokenItem = {
  id: string; name: string; prefix: string; scopes: string[];
  createdAt: Date; expiresAt: Date | null; revokedAt: Date | null; lastUsedAt: Date | null;
};

/** A service's tokens, live ones first. Never the hash. */
export async function listServiceTokens(prisma: Db, serviceId: string): Promise<ServiceTokenItem[]> {
  return prisma.apiToken.findMany({
    where: { serviceId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
}
