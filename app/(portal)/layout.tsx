import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requirePerson } from "@/lib/auth/session";

// Chrome only: every page under here checks access again itself, because layouts do not re-render on navigation.
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const person = await requirePerson();
  return <AppShell person={person}>{children}</AppShell>;
}
