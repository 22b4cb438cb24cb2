// Turns an event's before/after snapshots into "field: old → new" lines for people to read.

export type FieldChange = { field: string; from: string; to: string };

function show(value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  if (typeof value === "string") return value.length > 80 ? `${value.slice(0, 77)}…` : value;
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}…` : json;
}

export function describeChanges(before: unknown, after: unknown): FieldChange[] {
  const a = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const b = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  if (!before) return []; // a creation: the whole snapshot is new, listing every field says little
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((field) => field !== "id" && field !== "updatedAt");
  return fields
    .filter((field) => JSON.stringify(a[field]) !== JSON.stringify(b[field]))
    .map((field) => ({ field, from: show(a[field]), to: show(b[field]) }));
}
