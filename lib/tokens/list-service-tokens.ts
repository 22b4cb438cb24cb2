import type { Actor } from "../auth/actor";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { notFound } from "../errors";
import { listServiceTokens, type ServiceTokenItem } from "./queries";

/** A service's tokens by its slug, for whoever manages them (the tokens page, the CLI's `token list`). */
export async function listTokensOfService(prisma: Db, actor: Actor, serviceSlug: string): Promise<{ service: string; tokens: ServiceTokenItem[] }> {
  const service = await prisma.service.findUnique({ where: { slug: serviceSlug }, select: { id: true, slug: true, teamId: true } });
  if (!service) throw notFound(`The service "${serviceSlug}"`);
  authorize(actor, "tokens.manage", { teamId: service.teamId });
  return { service: service.slug, tokens: await listServiceTokens(prisma, service.id) };
}
