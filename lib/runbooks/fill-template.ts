// Templates carry {{service}} and {{team}} placeholders; unknown placeholders stay as written.
export function fillTemplate(body: string, values: { service: string; team: string }): string {
  return body.replace(/\{\{\s*(service|team)\s*\}\}/g, (_match, key: "service" | "team") => values[key]);
}

/** "High error rate!" → "high-error-rate": runbook slugs are unique within their service. */
export function runbookSlug(title: string): string {
  const slug = title.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
  return slug.replace(/-+$/, "") || "runbook";
}

/** The first free slug among base, base-2, base-3… given the slugs already taken in the service. */
export function freeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
