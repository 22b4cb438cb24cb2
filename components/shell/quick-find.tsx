"use client";

import { Search } from "lucide-react";
import { useEffect, useState, type ComponentType } from "react";

// The palette (search as you type, the keyboard-driven list) is fetched the first time someone opens it
// or points at the button: most page views never do, and it was part of every page's first load. A plain
// import() rather than next/dynamic, whose loader would itself be part of every page.
type Dialog = ComponentType<{ openRequest: number }>;
let loading: Promise<Dialog> | undefined;
const loadDialog = () => (loading ??= import("./quick-find-dialog").then((module) => module.QuickFindDialog));

/** Ctrl/Cmd-K from anywhere, or the Find button, opens quick find. */
export function QuickFind() {
  // How many times it was asked to open; 0: never, so the dialog is not loaded.
  const [openRequest, setOpenRequest] = useState(0);
  const [QuickFindDialog, setDialog] = useState<Dialog | null>(null);
  const open = () => {
    setOpenRequest((count) => count + 1);
    void loadDialog().then((dialog) => setDialog(() => dialog));
  };

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") {
        event.preventDefault();
        open();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <>
      {/* On a phone the button is an icon (named "Find" for screen readers); there is no Ctrl K to show. */}
      <button type="button" onClick={open} onPointerEnter={() => void loadDialog()} onFocus={() => void loadDialog()} aria-keyshortcuts="Control+K" className="inline-flex size-9 items-center justify-center gap-2 rounded-md text-sm text-fg-muted hover:bg-surface-muted sm:size-auto sm:border sm:border-line-strong sm:px-2.5 sm:py-1">
        <Search aria-hidden="true" className="size-5 sm:size-4" /><span className="sr-only sm:not-sr-only">Find</span><kbd className="hidden rounded border border-line px-1 text-xs sm:inline">Ctrl K</kbd>
      </button>
      {QuickFindDialog && openRequest ? <QuickFindDialog openRequest={openRequest} /> : null}
    </>
  );
}
