import type { Metadata } from "next";
import { MarkReadButton } from "@/components/notifications/mark-read-button";
import { NotificationList } from "@/components/notifications/notification-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listNotifications } from "@/lib/notifications/queries";
import { markAllReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  // Everyone has an inbox; it only ever lists the signed-in person's own notifications.
  const person = await requirePerson();
  const notifications = await listNotifications(db(), person.id);
  const unread = notifications.filter((notification) => !notification.readAt).length;
  return (
    <>
      <PageHeader
        title="Notifications"
        description={unread ? `${unread} unread` : "All read."}
        actions={
          <div className="flex items-center gap-3">
            {unread ? <MarkReadButton action={markAllReadAction} /> : null}
            <TextLink href="/notifications/settings">Notification settings</TextLink>
          </div>
        }
      />
      {notifications.length ? (
        <NotificationList notifications={notifications} />
      ) : (
        <EmptyState title="Nothing yet" description="Swap and cover requests and their answers, your shift reminders and, for change managers, every production deployment and change to decide arrive here. Choose what also reaches you by email in the notification settings." />
      )}
    </>
  );
}
