import Link from "next/link";
import type { ReactNode } from "react";
import type { PersonActor } from "@/lib/auth/actor";
import { ROLE_LABEL } from "@/lib/people/roles";
import { BrandMark } from "./brand-mark";
import { NAV_ICONS } from "./nav-icons";
import { navGroupsFor } from "./nav-items";
import { NotificationsLink } from "./notifications-link";
import { PersonMenu } from "./person-menu";
import { PrimaryNav } from "./primary-nav";
import { QuickFind } from "./quick-find";

export function AppShell({ person, unread, children }: { person: PersonActor; unread: number; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main-content"
        className="sr-only z-50 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-40 border-b border-line bg-surface/95 backdrop-blur supports-[backdrop-filter]:bg-surface/80">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-4 sm:px-6 lg:px-8 xl:gap-4">
          <Link href="/" className="flex shrink-0 items-center gap-2 rounded-md text-base font-semibold tracking-tight text-fg">
            <BrandMark />
            Runwell
          </Link>
          <PrimaryNav groups={navGroupsFor(person)} icons={NAV_ICONS} />
          <div className="ml-auto flex items-center gap-1 sm:gap-2">
            <QuickFind />
            <NotificationsLink unread={unread} />
            <PersonMenu
              person={{
                name: person.name,
                email: person.email,
                roleLabel: ROLE_LABEL[person.role],
                isIncidentManager: person.isIncidentManager,
              }}
            />
          </div>
        </div>
      </header>
      {/* tabIndex lets the skip link move focus here, not only scroll. */}
      <main id="main-content" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 outline-none sm:px-6 lg:px-8">
        {children}
      </main>
    </div>
  );
}
