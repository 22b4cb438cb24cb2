import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { conflict, isUniqueViolation, notFound, parseInput } from "../errors";
import { organisationMoneyUnit } from "../settings/queries";
import { serviceInputSchema } from "./schemas";
import { serviceSnapshot } from "./service-snapshot";
import { recordTargetChange } from "./target-history";
import { validateServiceAgainstOrganisation } from "./validate-service";

/**
 * Edits a service. Moving it to another team needs the right to create services for that team too, and
 * records the move (ServiceOwnerChange, read by the "lost accountability" signal, lib/signals) at `now`.
 */
export async function updateService(prisma: Db, actor: Actor, slug: string, input: unknown, now = new Date()): Promise<{ id: string; slug: string }> {
  const data = parseInput(serviceInputSchema(await organisationMoneyUnit(prisma)), input);
  const { links, ...fields } = data;
  try {
    const updated = await prisma.$transaction(async (tx) => {
      const current = await tx.service.findUnique({ where: { slug }, select: { id: true, teamId: true, availabilityTarget: true, createdAt: true } });
      if (!current) throw notFound("The service");
      authorize(actor, "services.edit", { teamId: current.teamId });
      if (fields.teamId !== current.teamId) authorize(actor, "services.create", { teamId: fields.teamId });
      await validateServiceAgainstOrganisation(tx, data);
      const before = await serviceSnapshot(tx, current.id);
      await tx.serviceLink.deleteMany({ where: { serviceId: current.id } });
      const service = await tx.service.update({
        where: { id: current.id },
        data: { ...fields, links: { create: links.map((link, position) => ({ ...link, position })) } },
        select: { id: true, slug: true },
      });
      await recordTargetChange(tx, current, current.availabilityTarget, fields.availabilityTarget, now);
      if (fields.teamId !== current.teamId) {
        await tx.serviceOwnerChange.create({ data: { serviceId: current.id, fromTeamId: current.teamId, toTeamId: fields.teamId, changedAt: now }, select: { id: true } });
      }
      const after = await serviceSnapshot(tx, current.id);
      const action = fields.teamId !== current.teamId ? "service.transfer" : "service.update";
      await recordAuditEvent(tx, actor, { action, entityType: "Service", entityId: service.id, before, after });
      return service;
    });
    await requestSeal(prisma);
    return updated;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`The slug "${data.slug}" is taken.`, { slug: ["Another service already uses this slug."] });
    throw error;
  }
}
