// Pure formatting of exported audit events: RFC 4180 CSV with a spreadsheet formula guard, and JSON.
// Rows arrive with before/after as PostgreSQL's JSON text, so nothing is parsed and re-serialised.

export type ExportRow = {
  seq: string | null;
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorLabel: string;
  actorKind: string;
  action: string;
  entityType: string;
  entityId: string;
  /** JSON text (or null). */
  before: string | null;
  after: string | null;
  prevHash: string | null;
  hash: string | null;
  sealedAt: string | null;
  /** The event in words with current names, as the audit page says it (links dropped). */
  sentence: string | null;
};

export const EXPORT_COLUMNS = [
  "seq", "id", "occurredAt", "actorId", "actorLabel", "actorKind", "action", "entityType", "entityId",
  "before", "after", "prevHash", "hash", "sealedAt", "sentence",
] as const satisfies readonly (keyof ExportRow)[];

// A cell a spreadsheet would run as a formula (OWASP "CSV injection"): = + - @ tab CR. A leading quote
// is guarded too, so undoing the guard is unambiguous: drop one leading ' from any cell that has one.
const FORMULA_START = /^[=+\-@\t\r']/;

/** One CSV field: guarded, then quoted per RFC 4180 when it holds a comma, quote or line break. */
export function csvField(value: string | null): string {
  if (value === null) return "";
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export const csvHeader = () => `${EXPORT_COLUMNS.join(",")}\r\n`;

export const csvLine = (row: ExportRow) => `${EXPORT_COLUMNS.map((column) => csvField(row[column])).join(",")}\r\n`;

/** One element of the JSON array; before/after are embedded as the JSON they are. */
export function jsonElement(row: ExportRow): string {
  const fields = EXPORT_COLUMNS.map((column) => {
    const value = row[column];
    const encoded = (column === "before" || column === "after") && value !== null ? value : JSON.stringify(value);
    return `${JSON.stringify(column)}:${encoded}`;
  });
  return `{${fields.join(",")}}`;
}
