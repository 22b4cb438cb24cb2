import type { Db } from "../db";

export type NotificationItem = { id: string; kind: string; title: string; body: string; href: string | null; readAt: Date | null; createdAt: Date };

/** A person's inbox: newest first. Only their own rows are ever selected. */
export async function listNotifications(prisma: Db, personId: string, take = 100): Promise<NotificationItem[]> {
  return prisma.notification.findMany({
    where: { personId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, kind: true, title: true, body: true, href: true, readAt: true, createdAt: true },
  });
}

export async function unreadCount(prisma: Db, personId: string): Promise<number> {
  return prisma.notification.count({ where: { personId, readAt: null } });
}
