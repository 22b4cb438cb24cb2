import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { conflict, notFound } from "../errors";

/** Archives (or restores) a service: it leaves the catalog but keeps its history and audit trail. */
export async function setServiceArchived(prisma: Db, actor: Actor, slug: string, archived: boolean, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const current = await tx.service.findUnique({ where: { slug }, select: { id: true, teamId: true, archivedAt: true } });
    if (!current) throw notFound("The service");
    authorize(actor, "services.archive", { teamId: current.teamId });
    if ((current.archivedAt !== null) === archived) {
      throw conflict(archived ? "The service is already archived." : "The service is not archived.");
    }
    const after = await tx.service.update({
      where: { id: current.id },
      data: { archivedAt: archived ? now : null },
      select: { id: true, slug: true, archivedAt: true },
    });
    await recordAuditEvent(tx, actor, {
      action: archived ? "service.archive" : "service.restore",
      entityType: "Service",
      entityId: current.id,
      before: { id: current.id, slug, archivedAt: current.archivedAt },
      after,
    });
  });
  await requestSeal(prisma);
}
