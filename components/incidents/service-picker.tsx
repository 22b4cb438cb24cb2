"use client";

import { useEffect, useId, useState, type KeyboardEvent } from "react";
import { cx } from "@/components/ui/cx";
import { controlClasses } from "@/components/ui/input";

export type PickedService = { slug: string; name: string; team?: string };

/**
 * Affected services, picked by quick find (the palette's search, /api/quick-find): type part of a name,
 * a slug or an alert's service label, choose with the arrows and Enter. The first picked responds.
 * Each choice posts as services.<n>, so the form works like any other.
 */
export function ServicePicker({ id, initial, invalid, describedBy }: { id: string; initial: PickedService[]; invalid?: boolean; describedBy?: string }) {
  const [picked, setPicked] = useState<PickedService[]>(initial);
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<PickedService[]>([]);
  const [active, setActive] = useState(0);
  const listId = useId();
  const options = found.filter((service) => !picked.some((p) => p.slug === service.slug));

  useEffect(() => {
    if (!query.trim()) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/quick-find?q=${encodeURIComponent(query)}`, { signal: controller.signal })
        .then((response) => (response.ok ? response.json() : null))
        .then((data: { services?: PickedService[] } | null) => { setFound(data?.services ?? []); setActive(0); })
        .catch(() => undefined);
    }, 120);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [query]);

  const choose = (service: PickedService | undefined) => {
    if (!service) return;
    setPicked((list) => [...list, service]);
    setQuery("");
    setFound([]);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") { event.preventDefault(); setActive((i) => Math.min(i + 1, options.length - 1)); }
    else if (event.key === "ArrowUp") { event.preventDefault(); setActive((i) => Math.max(i - 1, 0)); }
    else if (event.key === "Enter") { event.preventDefault(); choose(options[active]); }
    else if (event.key === "Escape") { setFound([]); }
  };
  const open = query.trim() !== "" && options.length > 0;

  return (
    <div className="space-y-2">
      {picked.length ? (
        <ul className="flex flex-wrap gap-2" aria-label="Affected services">
          {picked.map((service, index) => (
            <li key={service.slug} className="flex items-center gap-1 rounded-full border border-line bg-surface-muted px-3 py-1 text-sm">
              <input type="hidden" name={`services.${index}`} value={service.slug} />
              <span>{service.name}{index === 0 ? <span className="text-fg-muted"> (responds)</span> : null}</span>
              <button type="button" className="ml-1 rounded px-1 text-fg-muted hover:text-fg" aria-label={`Remove ${service.name}`}
                onClick={() => setPicked((list) => list.filter((p) => p.slug !== service.slug))}>×</button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="relative">
        <input id={id} role="combobox" aria-expanded={open} aria-controls={listId} aria-autocomplete="list" autoComplete="off"
          aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined} aria-invalid={invalid || undefined} aria-describedby={describedBy}
          placeholder={picked.length ? "Add another affected service…" : "Find the service: name or slug…"} value={query}
          onChange={(event) => setQuery(event.target.value)} onKeyDown={onKeyDown} className={cx(controlClasses, "h-9")} />
        <ul id={listId} role="listbox" aria-label="Services found" hidden={!open}
          className="absolute z-10 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-line bg-surface p-1 shadow-lg">
          {options.map((service, index) => (
            <li key={service.slug} id={`${listId}-${index}`} role="option" aria-selected={index === active}
              onMouseEnter={() => setActive(index)} onMouseDown={(event) => { event.preventDefault(); choose(service); }}
              className={cx("flex cursor-pointer justify-between gap-3 rounded px-3 py-1.5 text-sm", index === active && "bg-brand-50 dark:bg-brand-950")}>
              <span>{service.name} <span className="font-mono text-xs text-fg-muted">{service.slug}</span></span>
              <span className="text-xs text-fg-muted">{service.team}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
