"use client";

import { Menu, X } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type KeyboardEvent, type ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { isCurrent, type NavIcon, type NavItem } from "./nav-items";

/**
 * One list for all widths: inline from lg up, a disclosure panel under the top bar below that.
 * `icons` are rendered by the server (nav-icons.tsx), so their code stays out of the page's JavaScript.
 */
export function PrimaryNav({ items, icons }: { items: NavItem[]; icons: Record<NavIcon, ReactNode> }) {
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
        className="inline-flex size-9 items-center justify-center rounded-md text-fg hover:bg-surface-muted lg:hidden"
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
            ? "absolute inset-x-0 top-14 flex flex-col gap-1 border-b border-line bg-surface p-3 shadow-lg"
            : "hidden",
          "lg:static lg:flex lg:flex-row lg:items-center lg:gap-1 lg:border-0 lg:bg-transparent lg:p-0 lg:shadow-none",
        )}
      >
        {items.map((item) => {
          const current = isCurrent(item.href, pathname);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                title={item.label}
                onClick={() => setOpen(false)}
                className={cx(
                  "flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors",
                  current
                    ? "bg-brand-50 text-brand-700 dark:bg-brand-950 dark:text-brand-300"
                    : "text-fg-muted hover:bg-surface-muted hover:text-fg",
                )}
              >
                {icons[item.icon]}
                {/* On narrower desktops the bar shows icons only (the name stays for screen readers and as a
                    tooltip), so long role menus never push the person menu off-screen. */}
                <span className={items.length > 7 ? "lg:max-2xl:sr-only" : "lg:max-xl:sr-only"}>{item.label}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
