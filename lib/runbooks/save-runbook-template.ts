// Admins create and edit the templates every team starts runbooks from.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db, DbTx } from "../db";
import { conflict, isUniqueViolation, notFound, parseInput } from "../errors";
import { ZRunbookTemplateInput } from "./schemas";

const snapshotSelect = { id: true, slug: true, name: true, description: true, body: true, tags: true, isStarter: true, position: true } as const;

/** Creates a template (existingSlug null) or edits one. At most one template is the starter. */
export async function saveRunbookTemplate(prisma: Db, actor: Actor, existingSlug: string | null, input: unknown): Promise<{ slug: string }> {
  authorize(actor, "runbook-templates.manage");
  const data = parseInput(ZRunbookTemplateInput, input);
  try {
    const saved = await prisma.$transaction(async (tx) => {
      const before = existingSlug ? await tx.runbookTemplate.findUnique({ where: { slug: existingSlug }, select: snapshotSelect }) : null;
      if (existingSlug && !before) throw notFound("The template");
      if (data.isStarter) await unsetOtherStarters(tx, actor, before?.id ?? null);
      const after = before
        ? await tx.runbookTemplate.update({ where: { id: before.id }, data, select: snapshotSelect })
        : await tx.runbookTemplate.create({ data: { ...data, position: await tx.runbookTemplate.count() }, select: snapshotSelect });
      await recordAuditEvent(tx, actor, {
        action: before ? "runbook-template.update" : "runbook-template.create",
        entityType: "RunbookTemplate",
        entityId: after.id,
        before: before ?? undefined,
        after,
      });
      return after;
    });
    await requestSeal(prisma);
    return { slug: saved.slug };
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`The slug "${data.slug}" is taken.`, { slug: ["Another template already uses this slug."] });
    throw error;
  }
}

async function unsetOtherStarters(tx: DbTx, actor: Actor, keepId: string | null): Promise<void> {
  const others = await tx.runbookTemplate.findMany({ where: { isStarter: true, ...(keepId ? { id: { not: keepId } } : {}) }, select: snapshotSelect });
  for (const other of others) {
    const after = await tx.runbookTemplate.update({ where: { id: other.id }, data: { isStarter: false }, select: snapshotSelect });
    await recordAuditEvent(tx, actor, { action: "runbook-template.update", entityType: "RunbookTemplate", entityId: other.id, before: other, after });
  }
}

export async function deleteRunbookTemplate(prisma: Db, actor: Actor, slug: string): Promise<void> {
  authorize(actor, "runbook-templates.manage");
  await prisma.$transaction(async (tx) => {
    const before = await tx.runbookTemplate.findUnique({ where: { slug }, select: snapshotSelect });
    if (!before) throw notFound("The template");
    await tx.runbookTemplate.delete({ where: { id: before.id } });
    await recordAuditEvent(tx, actor, { action: "runbook-template.delete", entityType: "RunbookTemplate", entityId: before.id, before });
  });
  await requestSeal(prisma);
}
