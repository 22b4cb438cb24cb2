// The backlog as CSV (RFC 4180, CRLF). A cell that a spreadsheet would read as a formula (= + - @, or a
// tab / carriage return first) gets a leading apostrophe: an item title is anyone's text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function quote(cell: string): string {
  const safe = neutralise(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const EXPORT_COLUMNS = ["key", "title", "type", "subtype", "status", "estimate", "labels", "owner", "due", "description"] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string>;

/** The rows, in priority order, with a header the import reads back (the plain form). */
export function backlogCsv(rows: readonly ExportRow[]): string {
  const lines = [EXPORT_COLUMNS.join(","), ...rows.map((row) => EXPORT_COLUMNS.map((column) => quote(row[column])).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}
