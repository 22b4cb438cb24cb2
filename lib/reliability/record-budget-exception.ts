// A product manager of the owning team lets a service whose error budget is spent deploy standard
// changes again for a while (at most 14 days), saying why. Audited in the same transaction.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { AppError, notFound, parseInput } from "../errors";
import { DAY } from "./availability";
import { EXCEPTION_MAX_DAYS, ZBudgetExceptionInput } from "./schemas";

export async function recordBudgetException(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<{ id: string; endsAt: Date }> {
  const data = parseInput(ZBudgetExceptionInput, input);
  const service = await prisma.service.findUnique({ where: { slug: data.service }, select: { id: true, teamId: true, archivedAt: true } });
  if (!service) {
    authorize(actor, "reliability.budget-exception");
    throw notFound("The service");
  }
  authorize(actor, "reliability.budget-exception", { teamId: service.teamId });
  const endsAt = data.endsAt;
  if (endsAt.getTime() <= now.getTime()) throw AppError.validation({ endsAt: ["The exception must end in the future."] });
  if (endsAt.getTime() > now.getTime() + EXCEPTION_MAX_DAYS * DAY) throw AppError.validation({ endsAt: [`An exception runs for at most ${EXCEPTION_MAX_DAYS} days.`] });
  if (service.archivedAt) throw AppError.validation({ service: ["The service is archived."] });
  const created = await prisma.$transaction(async (tx) => {
    const exception = await tx.errorBudgetException.create({
      data: { serviceId: service.id, reason: data.reason, startsAt: now, endsAt, recordedById: actor.kind === "PERSON" ? actor.id : null },
      select: { id: true, serviceId: true, reason: true, startsAt: true, endsAt: true },
    });
    await recordAuditEvent(tx, actor, { action: "reliability.budget-exception", entityType: "ErrorBudgetException", entityId: exception.id, after: exception });
    return exception;
  });
  await requestSeal(prisma);
  return { id: created.id, endsAt: created.endsAt };
}
