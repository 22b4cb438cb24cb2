import { Bell } from "lucide-react";
import Link from "next/link";
import { notificationsLabel } from "./nav-items";

/** The inbox's bell, with the unread count the layout read for this request. */
export function NotificationsLink({ unread }: { unread: number }) {
  return (
    <Link
      href="/notifications"
      aria-label={notificationsLabel(unread)}
      title={notificationsLabel(unread)}
      className="relative inline-flex size-9 items-center justify-center rounded-md text-fg-muted hover:bg-surface-muted hover:text-fg"
    >
      <Bell aria-hidden="true" className="size-5" />
      {unread > 0 ? (
        <span aria-hidden="true" data-testid="unread-count" className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-[11px] leading-5 font-semibold text-white tabular-nums">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
