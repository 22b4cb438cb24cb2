// Change managers and product managers author deployment patterns (standard change templates).
import type { Actor } from "../auth/actor";
import { actorId } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { AppError, conflict, isUniqueViolation, notFound, parseInput } from "../errors";
import { ZPattern } from "./schemas";

const select = { id: true, slug: true, name: true, description: true, serviceIds: true, teamIds: true, environmentIds: true, tiers: true, rules: true, archivedAt: true } as const;

export async function savePattern(prisma: Db, actor: Actor, input: unknown, patternId?: string) {
  authorize(actor, "patterns.manage"); // who may, before what they sent is read
  const data = parseInput(ZPattern, input);
  // Coverage names real rows: an unknown id is a field error, not a silent "covers nothing".
  const [services, teams, environments] = await Promise.all([
    prisma.service.count({ where: { id: { in: data.serviceIds } } }),
    prisma.team.count({ where: { id: { in: data.teamIds } } }),
    prisma.environment.count({ where: { id: { in: data.environmentIds } } }),
  ]);
  const fields: Record<string, string[]> = {};
  if (services !== new Set(data.serviceIds).size) fields.serviceIds = ["Some of these services do not exist."];
  if (teams !== new Set(data.teamIds).size) fields.teamIds = ["Some of these teams do not exist."];
  if (environments !== new Set(data.environmentIds).size) fields.environmentIds = ["Some of these environments do not exist."];
  if (Object.keys(fields).length) throw AppError.validation(fields);
  try {
    const saved = await prisma.$transaction(async (tx) => {
      const before = patternId ? await tx.deploymentPattern.findUnique({ where: { id: patternId }, select }) : null;
      if (patternId && !before) throw notFound("The pattern");
      const values = { ...data, serviceIds: [...new Set(data.serviceIds)], teamIds: [...new Set(data.teamIds)], environmentIds: [...new Set(data.environmentIds)] };
      const pattern = patternId
        ? await tx.deploymentPattern.update({ where: { id: patternId }, data: values, select })
        : await tx.deploymentPattern.create({ data: { ...values, createdById: actor.kind === "PERSON" ? actorId(actor) : null }, select });
      await recordAuditEvent(tx, actor, { action: patternId ? "pattern.update" : "pattern.create", entityType: "DeploymentPattern", entityId: pattern.id, before: before ?? undefined, after: pattern });
      return pattern;
    });
    await requestSeal(prisma);
    return saved;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("Another pattern has this slug.", { slug: ["Another pattern has this slug; choose another."] });
    throw error;
  }
}

export async function archivePattern(prisma: Db, actor: Actor, patternId: string, now = new Date()) {
  authorize(actor, "patterns.manage");
  await prisma.$transaction(async (tx) => {
    const before = await tx.deploymentPattern.findUnique({ where: { id: patternId }, select: { id: true, archivedAt: true } });
    if (!before) throw notFound("The pattern");
    if (before.archivedAt) return;
    await tx.deploymentPattern.update({ where: { id: patternId }, data: { archivedAt: now }, select: { id: true } });
    await recordAuditEvent(tx, actor, { action: "pattern.archive", entityType: "DeploymentPattern", entityId: patternId, before, after: { archivedAt: now } });
  });
  await requestSeal(prisma);
}
