"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { cx } from "@/components/ui/cx";

type Result = { services: { slug: string; name: string; team: string }[]; runbooks: { slug: string; title: string; serviceSlug: string; serviceName: string }[]; people: { id: string; name: string; email: string }[] };
type Option = { key: string; group: string; label: string; detail: string; href: string };

function toOptions(query: string, result: Result | null): Option[] {
  const options: Option[] = [
    ...(result?.services ?? []).map((s) => ({ key: `s:${s.slug}`, group: "Services", label: s.name, detail: s.team, href: `/services/${s.slug}` })),
    ...(result?.runbooks ?? []).map((r) => ({ key: `r:${r.serviceSlug}/${r.slug}`, group: "Runbooks", label: r.title, detail: r.serviceName, href: `/runbooks/${r.serviceSlug}/${r.slug}` })),
    ...(result?.people ?? []).map((p) => ({ key: `p:${p.id}`, group: "People", label: p.name, detail: p.email, href: `/people/${p.id}` })),
  ];
  if (query.trim()) options.push({ key: "search", group: "Search", label: `Search all runbooks for “${query.trim()}”`, detail: "", href: `/runbooks?q=${encodeURIComponent(query.trim())}` });
  return options;
}

/**
 * The quick-find palette: jump to a service, runbook or person (an ARIA combobox in a modal dialog).
 * Loaded by QuickFind (quick-find.tsx) the first time someone opens it; each new `openRequest` opens it.
 */
export function QuickFindDialog({ openRequest }: { openRequest: number }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [result, setResult] = useState<Result | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();
  const options = toOptions(query, result);

  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
    input.current?.select();
  }, [openRequest]);

  useEffect(() => {
    if (!query.trim()) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/quick-find?q=${encodeURIComponent(query)}`, { signal: controller.signal })
        .then((response) => (response.ok ? response.json() : null))
        .then((data: Result | null) => {
          setResult(data);
          setActive(0);
        })
        .catch(() => undefined);
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const go = (option: Option | undefined) => {
    if (!option) return;
    dialog.current?.close();
    router.push(option.href);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") { event.preventDefault(); setActive((i) => Math.min(i + 1, options.length - 1)); }
    else if (event.key === "ArrowUp") { event.preventDefault(); setActive((i) => Math.max(i - 1, 0)); }
    else if (event.key === "Enter") { event.preventDefault(); go(options[active]); }
  };

  return (
    <dialog ref={dialog} aria-label="Quick find" className="m-auto mt-24 w-full max-w-xl rounded-lg border border-line bg-surface p-0 text-fg shadow-xl backdrop:bg-black/40"
      onClick={(event) => { if (event.target === dialog.current) dialog.current?.close(); }}>
      <div className="border-b border-line p-3">
        <input ref={input} role="combobox" aria-expanded={options.length > 0} aria-controls={listId} aria-autocomplete="list"
          aria-activedescendant={options[active] ? `${listId}-${active}` : undefined} aria-label="Find services, runbooks and people"
          placeholder="Find services, runbooks and people…" value={query}
          onChange={(event) => { setQuery(event.target.value); if (!event.target.value.trim()) setResult(null); }} onKeyDown={onKeyDown}
          className="w-full bg-transparent text-base outline-none" />
      </div>
      <ul id={listId} role="listbox" aria-label="Results" className="max-h-96 overflow-y-auto p-2">
        {options.map((option, index) => (
          <li key={option.key} id={`${listId}-${index}`} role="option" aria-selected={index === active}
            onMouseEnter={() => setActive(index)} onClick={() => go(option)}
            className={cx("flex cursor-pointer items-baseline justify-between gap-3 rounded-md px-3 py-2 text-sm", index === active && "bg-brand-50 dark:bg-brand-950")}>
            <span><span className="mr-2 text-xs text-fg-muted">{option.group}</span>{option.label}</span>
            <span className="truncate text-xs text-fg-muted">{option.detail}</span>
          </li>
        ))}
        {!options.length ? <li className="px-3 py-2 text-sm text-fg-muted">Type a name, a runbook title or an alert.</li> : null}
      </ul>
    </dialog>
  );
}
