"use client";

import { Menu, X } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Fragment, useState, type KeyboardEvent, type ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { isCurrent, type NavGroup, type NavIcon } from "./nav-items";

/**
 * One list for all widths: inline with visible labels from xl (1280 px) up, icons added from 2xl, and a
 * disclosure panel under the top bar below xl, where the groups get their headings. `icons` are rendered
 * by the server (nav-icons.tsx), so their code stays out of every page's JavaScript.
 */
export function PrimaryNav({ groups, icons }: { groups: NavGroup[]; icons: Record<NavIcon, ReactNode> }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key === "Escape" && open) {
      setOpen(false);
      document.getElementById("primary-nav-toggle")?.focus();
    }
  }

  return (
    <nav aria-label="Primary" className="flex items-center" onKeyDown={closeOnEscape}>
      <button
        id="primary-nav-toggle"
        type="button"
        className="inline-flex size-9 items-center justify-center rounded-md text-fg hover:bg-surface-muted xl:hidden"
        aria-expanded={open}
        aria-controls="primary-nav-list"
        onClick={() => setOpen((value) => !value)}
      >
        {open ? <X aria-hidden="true" className="size-5" /> : <Menu aria-hidden="true" className="size-5" />}
        <span className="sr-only">Menu</span>
      </button>
      <ul
        id="primary-nav-list"
        className={cx(
          open
            ? "absolute inset-x-0 top-14 flex max-h-[calc(100dvh-3.5rem)] flex-col gap-1 overflow-y-auto border-b border-line bg-surface p-3 shadow-lg"
            : "hidden",
          "xl:static xl:flex xl:flex-row xl:items-center xl:gap-0.5 xl:overflow-visible xl:border-0 xl:bg-transparent xl:p-0 xl:shadow-none",
        )}
      >
        {groups.map((group, index) => (
          <Fragment key={group.label}>
            {/* Between groups: a heading in the panel, a thin rule in the bar. Decorative for screen readers,
                which hear the items as one list in the same order. */}
            {index > 0 ? (
              <li aria-hidden="true" className="mt-2 px-3 text-xs font-semibold tracking-wide text-fg-muted uppercase xl:mx-1 xl:mt-0 xl:h-5 2xl:mx-1.5 xl:w-px xl:bg-line xl:p-0 xl:text-[0px]">
                {group.label}
              </li>
            ) : null}
            {group.items.map((item) => {
              const current = isCurrent(item.href, pathname);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={current ? "page" : undefined}
                    onClick={() => setOpen(false)}
                    className={cx(
                      "flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors xl:px-1 2xl:px-2.5",
                      current
                        ? "bg-brand-50 text-brand-700 dark:bg-brand-950 dark:text-brand-300"
                        : "text-fg-muted hover:bg-surface-muted hover:text-fg",
                    )}
                  >
                    {icons[item.icon]}
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </Fragment>
        ))}
      </ul>
    </nav>
  );
}
