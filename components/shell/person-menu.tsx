"use client";

import { ChevronDown } from "lucide-react";
import { useEffect, useId, useRef, useState, type ComponentType, type FocusEvent, type KeyboardEvent } from "react";

export type PersonMenuPerson = { name: string; email: string; roleLabel: string; isIncidentManager: boolean };

// What the open panel shows (role badges, the theme switch, sign out) is fetched when the menu is first
// opened or pointed at, not with every page.
type Contents = ComponentType<{ person: PersonMenuPerson }>;
let loading: Promise<Contents> | undefined;
const loadContents = () => (loading ??= import("./person-menu-contents").then((module) => module.PersonMenuContents));

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}

/** A disclosure (button + panel), not an ARIA menu: it holds radios and text, which menus may not. */
export function PersonMenu({ person }: { person: PersonMenuPerson }) {
  const [open, setOpen] = useState(false);
  const [Contents, setContents] = useState<Contents | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const closeOnOutsideClick = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOnOutsideClick);
    return () => document.removeEventListener("pointerdown", closeOnOutsideClick);
  }, [open]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape" && open) {
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    }
  }

  // Tabbing past the last item closes the panel, so it never hangs open behind the focus.
  function onBlur(event: FocusEvent) {
    if (open && !containerRef.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
  }

  return (
    <div ref={containerRef} className="relative" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen((value) => !value);
          void loadContents().then((contents) => setContents(() => contents));
        }}
        onPointerEnter={() => void loadContents()}
        className="flex items-center gap-2 rounded-md py-1 pr-2 pl-1 text-sm font-medium text-fg hover:bg-surface-muted"
      >
        <span
          aria-hidden="true"
          className="flex size-7 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700 dark:bg-brand-900 dark:text-brand-100"
        >
          {initials(person.name)}
        </span>
        <span className="sr-only">Account and theme for </span>
        <span className="sr-only max-w-40 truncate whitespace-nowrap sm:not-sr-only">{person.name}</span>
        <ChevronDown aria-hidden="true" className="size-4 text-fg-muted" />
      </button>
      {open ? (
        // tabIndex keeps focus inside the panel when someone clicks its text, so onBlur does not close it.
        <div
          id={panelId}
          tabIndex={-1}
          className="absolute right-0 z-50 mt-2 w-72 rounded-lg border border-line bg-surface p-4 shadow-lg outline-none"
        >
          {Contents ? <Contents person={person} /> : <p className="truncate text-sm font-semibold text-fg">{person.name}</p>}
        </div>
      ) : null}
    </div>
  );
}
