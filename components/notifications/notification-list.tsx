import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import type { NotificationItem } from "@/lib/notifications/queries";

export function NotificationList({ notifications }: { notifications: NotificationItem[] }) {
  return (
    <ol className="divide-y divide-line rounded-lg border border-line bg-surface" aria-label="Notifications">
      {notifications.map((notification) => (
        <li key={notification.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-3 text-sm">
          {notification.readAt ? null : <Badge tone="brand">New</Badge>}
          {notification.href ? (
            <Link href={notification.href} className="font-medium text-link underline-offset-2 hover:underline">{notification.title}</Link>
          ) : (
            <span className="font-medium text-fg">{notification.title}</span>
          )}
          <DateTime value={notification.createdAt} className="text-xs text-fg-muted" />
          {notification.body ? <p className="w-full text-fg-muted">{notification.body}</p> : null}
        </li>
      ))}
    </ol>
  );
}
