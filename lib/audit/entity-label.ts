// A readable name for an event's entity, from its own snapshots, so the audit page needs no joins
// and still names things that were since renamed or deleted.
export function entityLabel(before: unknown, after: unknown): string | null {
  for (const snapshot of [after, before]) {
    if (snapshot && typeof snapshot === "object") {
      const record = snapshot as Record<string, unknown>;
      for (const key of ["name", "slug", "email", "label"]) {
        if (typeof record[key] === "string" && record[key]) return record[key] as string;
      }
    }
  }
  return null;
}
