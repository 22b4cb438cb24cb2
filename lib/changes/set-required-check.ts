// Change managers ask for post-deployment health checks, per service or per pattern.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { AppError, notFound, parseInput } from "../errors";
import { ZRequiredCheck } from "./schemas";

export async function setRequiredCheck(prisma: Db, actor: Actor, input: unknown) {
  authorize(actor, "required-checks.manage"); // who may, before what they sent is read
  const data = parseInput(ZRequiredCheck, input);
  const service = data.service ? await prisma.service.findUnique({ where: { slug: data.service }, select: { id: true } }) : null;
  const pattern = data.pattern ? await prisma.deploymentPattern.findUnique({ where: { slug: data.pattern }, select: { id: true } }) : null;
  if (data.service && !service) throw AppError.validation({ service: [`No service has the slug "${data.service}".`] });
  if (data.pattern && !pattern) throw AppError.validation({ pattern: [`No pattern has the slug "${data.pattern}".`] });
  const owner = service ? { serviceId: service.id } : { patternId: pattern!.id };
  const saved = await prisma.$transaction(async (tx) => {
    const existing = await tx.requiredHealthCheck.findFirst({ where: { ...owner, name: data.name }, select: { id: true, deadlineMinutes: true } });
    const check = existing
      ? await tx.requiredHealthCheck.update({ where: { id: existing.id }, data: { deadlineMinutes: data.deadlineMinutes }, select: { id: true, name: true, deadlineMinutes: true, serviceId: true, patternId: true } })
      : await tx.requiredHealthCheck.create({ data: { ...owner, name: data.name, deadlineMinutes: data.deadlineMinutes, createdById: actor.kind === "PERSON" ? actor.id : null }, select: { id: true, name: true, deadlineMinutes: true, serviceId: true, patternId: true } });
    await recordAuditEvent(tx, actor, { action: existing ? "required-check.update" : "required-check.create", entityType: "RequiredHealthCheck", entityId: check.id, before: existing ?? undefined, after: check });
    return check;
  });
  await requestSeal(prisma);
  return saved;
}

export async function removeRequiredCheck(prisma: Db, actor: Actor, checkId: string) {
  authorize(actor, "required-checks.manage");
  await prisma.$transaction(async (tx) => {
    const before = await tx.requiredHealthCheck.findUnique({ where: { id: checkId }, select: { id: true, name: true, deadlineMinutes: true, serviceId: true, patternId: true } });
    if (!before) throw notFound("The required check");
    await tx.requiredHealthCheck.delete({ where: { id: checkId } });
    await recordAuditEvent(tx, actor, { action: "required-check.delete", entityType: "RequiredHealthCheck", entityId: checkId, before });
  });
  await requestSeal(prisma);
}
