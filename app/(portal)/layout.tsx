import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { unreadCount } from "@/lib/notifications/queries";

// Chrome only: every page under here checks access again itself, because layouts do not re-render on navigation.
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const person = await requirePerson();
  // Read per request of the layout: fresh on every full load and after actions that revalidate it
  // (marking read, answering a request); a client-side navigation keeps the count it had.
  return <AppShell person={person} unread={await unreadCount(db(), person.id)}>{children}</AppShell>;
}
