"use client";

import { LogOut } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { PersonMenuPerson } from "./person-menu";
import { ThemeSwitch } from "./theme-switch";

/** The open person menu's contents, loaded by PersonMenu when it is first opened. */
export function PersonMenuContents({ person }: { person: PersonMenuPerson }) {
  return (
    <>
      <div className="space-y-1">
        <p className="truncate text-sm font-semibold text-fg">{person.name}</p>
        <p className="truncate text-sm text-fg-muted">{person.email}</p>
        <div className="flex flex-wrap gap-1.5 pt-1">
          <Badge tone="brand">{person.roleLabel}</Badge>
          {person.isIncidentManager ? <Badge tone="warning">Incident manager</Badge> : null}
        </div>
      </div>
      <div className="my-4 border-t border-line" />
      <ThemeSwitch />
      <div className="my-4 border-t border-line" />
      <button
        type="button"
        // next-auth's client (about 10 kB gzipped) is fetched when someone signs out, not with every page.
        onClick={() => void import("next-auth/react").then(({ signOut }) => signOut({ callbackUrl: "/sign-in" }))}
        className="flex w-full items-center gap-2 rounded-md px-2 py-2 text-sm font-medium text-fg hover:bg-surface-muted"
      >
        <LogOut aria-hidden="true" className="size-4" />
        Sign out
      </button>
    </>
  );
}
