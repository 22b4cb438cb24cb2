import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { conflict, isUniqueViolation, parseInput } from "../errors";
import { createStarterRunbook } from "../runbooks/create-starter-runbook";
import { organisationMoneyUnit } from "../settings/queries";
import { serviceInputSchema } from "./schemas";
import { serviceSnapshot } from "./service-snapshot";
import { recordTargetChange } from "./target-history";
import { validateServiceAgainstOrganisation } from "./validate-service";

export async function createService(prisma: Db, actor: Actor, input: unknown): Promise<{ id: string; slug: string }> {
  const data = parseInput(serviceInputSchema(await organisationMoneyUnit(prisma)), input);
  authorize(actor, "services.create", { teamId: data.teamId });
  const { links, ...fields } = data;
  try {
    const created = await prisma.$transaction(async (tx) => {
      await validateServiceAgainstOrganisation(tx, data);
      const service = await tx.service.create({
        data: { ...fields, links: { create: links.map((link, position) => ({ ...link, position })) } },
        select: { id: true, slug: true, createdAt: true },
      });
      await recordTargetChange(tx, service, null, fields.availabilityTarget, service.createdAt);
      await recordAuditEvent(tx, actor, {
        action: "service.create",
        entityType: "Service",
        entityId: service.id,
        after: await serviceSnapshot(tx, service.id),
      });
      await createStarterRunbook(tx, actor, { ...service, name: fields.name, teamId: fields.teamId });
      return { id: service.id, slug: service.slug };
    });
    await requestSeal(prisma);
    return created;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`The slug "${data.slug}" is taken.`, { slug: ["Another service already uses this slug."] });
    throw error;
  }
}
