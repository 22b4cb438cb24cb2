import type { PersonActor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";

/** Marks the person's own unread notifications as read; nobody can touch another person's inbox. */
export async function markNotificationsRead(prisma: Db, actor: PersonActor, now = new Date()): Promise<number> {
  const count = await prisma.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({ where: { personId: actor.id, readAt: null }, data: { readAt: now } });
    if (count > 0) {
      await recordAuditEvent(tx, actor, { action: "notifications.read", entityType: "Person", entityId: actor.id, after: { marked: count } });
    }
    return count;
  });
  if (count > 0) await requestSeal(prisma);
  return count;
}
