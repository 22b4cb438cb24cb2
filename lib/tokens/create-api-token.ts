import type { Actor } from "../auth/actor";
import { generateTokenSecret, hashToken } from "../auth/api-tokens";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { AppError, parseInput } from "../errors";
import { ZCreateApiToken } from "./schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Creates a service's API token. The secret is returned once and only its hash is stored or audited. */
export async function createApiToken(prisma: Db, actor: Actor, input: unknown, now = new Date()) {
  const data = parseInput(ZCreateApiToken, input);
  const secret = generateTokenSecret();
  const token = await prisma.$transaction(async (tx) => {
    const service = await tx.service.findUnique({ where: { slug: data.service }, select: { id: true, teamId: true, archivedAt: true } });
    if (!service) throw AppError.validation({ service: [`No service has the slug "${data.service}".`] });
    if (service.archivedAt) throw AppError.validation({ service: ["The service is archived."] });
    authorize(actor, "tokens.manage", { teamId: service.teamId });
    const created = await tx.apiToken.create({
      data: {
        name: data.name,
        prefix: secret.slice(0, 10),
        tokenHash: hashToken(secret),
        scopes: data.scopes,
        serviceId: service.id,
        createdById: actor.kind === "PERSON" ? actor.id : null,
        expiresAt: data.expiresInDays ? new Date(now.getTime() + data.expiresInDays * DAY_MS) : null,
      },
      select: { id: true, name: true, prefix: true, scopes: true, serviceId: true, expiresAt: true },
    });
    await recordAuditEvent(tx, actor, { action: "api-token.create", entityType: "ApiToken", entityId: created.id, after: created });
    return created;
  });
  await requestSeal(prisma);
  return { ...token, secret };
}
