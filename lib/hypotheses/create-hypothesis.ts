// A product manager of the owning team writes an outcome hypothesis for a service. The owner is a
// product manager of that team: the writer by default, or another one they name.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorizeNamedService } from "../authz/can";
import type { Db } from "../db";
import { AppError, notFound, parseInput } from "../errors";
import { hypothesisSentence, measureByInstant, measureByRefusal } from "./rules";
import { ZCreateHypothesis } from "./schemas";

export async function createHypothesis(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<{ id: string; number: number; serviceSlug: string }> {
  const data = parseInput(ZCreateHypothesis, input);
  const measureBy = measureByInstant(data.measureBy);
  const created = await prisma.$transaction(async (tx) => {
    const service = await tx.service.findUnique({ where: { slug: data.service }, select: { id: true, slug: true, teamId: true, archivedAt: true } });
    authorizeNamedService(actor, "hypotheses.manage", service, () => notFound("The service"));
    const fields: Record<string, string[]> = {};
    if (service.archivedAt) fields.service = ["The service is archived."];
    const late = measureByRefusal(measureBy, now);
    if (late) fields.measureBy = [late];
    const ownerId = data.ownerId ?? (actor.kind === "PERSON" ? actor.id : undefined);
    if (!ownerId) fields.ownerId = ["Pick the product manager who owns it."];
    else {
      const owner = await tx.person.findFirst({
        where: { id: ownerId, role: "PRODUCT_MANAGER", deactivatedAt: null, memberships: { some: { teamId: service.teamId } } },
        select: { id: true },
      });
      if (!owner) fields.ownerId = ["The owner must be a product manager of the team that owns the service."];
    }
    if (Object.keys(fields).length) throw AppError.validation(fields);
    const row = await tx.hypothesis.create({
      data: { serviceId: service.id, capability: data.capability, outcome: data.outcome, metric: data.metric, amount: data.amount, measureBy, ownerId: ownerId! },
      select: { id: true, number: true },
    });
    await recordAuditEvent(tx, actor, {
      action: "hypothesis.create", entityType: "Hypothesis", entityId: row.id,
      after: { number: row.number, serviceId: service.id, ownerId, measureBy, sentence: hypothesisSentence({ ...data, measureBy }) },
    });
    return { ...row, serviceSlug: service.slug };
  });
  await requestSeal(prisma);
  return created;
}
