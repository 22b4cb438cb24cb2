// Reading a CSV of backlog items: Jira's CSV export (Summary, Issue Type, Status, Story Points, Labels,
// Issue key, Description; Jira repeats the Labels column once per label) or the plain form Runwell
// exports (title, type, subtype, status, estimate, labels, description, key). Pure: text in, the rows
// or the errors of every bad row out. The use case writes only when there are no errors at all.
import { parse } from "csv-parse/sync";
import { SUBTYPES, ZImportRow, type TImportRow, type TSubtype } from "./schemas";

export const MAX_IMPORT_BYTES = 1_000_000;
export const MAX_IMPORT_ROWS = 2_000;

export type ImportFormat = "jira" | "plain";
/** `row` is the spreadsheet row: the header is row 1, the first item row 2 (0: the file as a whole). */
export type ImportError = { row: number; field: string; message: string };
export type ImportRow = TImportRow & { row: number };
export type ImportReading = { format: ImportFormat | null; rows: ImportRow[]; errors: ImportError[] };

const fileError = (message: string, row = 0): ImportReading => ({ format: null, rows: [], errors: [{ row, field: "file", message }] });

/** Words in a label or an issue type that make the work operational, and which kind. */
const OPERATIONAL_WORDS: [RegExp, TSubtype][] = [
  [/^(tech[- _]?debt|debt|refactor(ing)?)$/, "TECH_DEBT"],
  [/^toil$/, "TOIL"],
  [/^(security|security[- _]patch|cve|vulnerability|patch)$/, "SECURITY_PATCH"],
  [/^(reliability|sre|resilience)$/, "RELIABILITY"],
  [/^(upgrade|library[- _]upgrade|dependency|dependencies|deps)$/, "LIBRARY_UPGRADE"],
  [/^(incident|incident[- _]action|postmortem|post-incident)$/, "INCIDENT_ACTION"],
  [/^(operational|operations|ops|operability|observability|monitoring)$/, "OPERABILITY"],
];

function subtypeOf(words: string[]): TSubtype | null {
  for (const [pattern, subtype] of OPERATIONAL_WORDS) if (words.some((word) => pattern.test(word))) return subtype;
  return null;
}

const JIRA_STATUS: Record<string, string> = {
  "to do": "TODO", todo: "TODO", open: "TODO", backlog: "TODO", "selected for development": "TODO", new: "TODO",
  "in progress": "DOING", "in review": "DOING", doing: "DOING", "in development": "DOING",
  done: "DONE", closed: "DONE", resolved: "DONE",
};
const PRODUCT_ISSUE_TYPES = new Set(["bug", "task", "story", "epic", "sub-task", "subtask", "improvement", "new feature", "feature"]);

const norm = (value: string | undefined) => (value ?? "").trim();
const lower = (value: string | undefined) => norm(value).toLowerCase();

/** "3", "3.0" → 3; "" → undefined; anything else is left for the schema to refuse ("2.5", "lots"). */
function points(value: string): unknown {
  const text = value.trim();
  if (!text) return undefined;
  const number = Number(text);
  return Number.isFinite(number) && Number.isInteger(number) ? number : text;
}

function jiraRow(cells: (name: string) => string, labelCells: string[]) {
  const labels = labelCells.flatMap((cell) => cell.split(/[\s,;]+/)).map((label) => label.trim()).filter(Boolean);
  const issueType = lower(cells("issue type"));
  const subtype = subtypeOf([...labels.map((l) => l.toLowerCase()), issueType]);
  const status = lower(cells("status"));
  return {
    title: norm(cells("summary")),
    description: norm(cells("description")),
    type: subtype ? "OPERATIONAL" : PRODUCT_ISSUE_TYPES.has(issueType) || !issueType ? "PRODUCT" : `Issue Type "${cells("issue type")}"`,
    subtype: subtype ?? undefined,
    status: JIRA_STATUS[status] ?? cells("status"),
    estimate: points(cells("story points") || cells("custom field (story points)")),
    labels,
    importedKey: norm(cells("issue key")) || undefined,
  };
}

const SUBTYPE_NAMES = new Set<string>(SUBTYPES);
const PLAIN_STATUS: Record<string, string> = { ...JIRA_STATUS };

function plainRow(cells: (name: string) => string) {
  const subtype = norm(cells("subtype")).toUpperCase().replace(/[\s-]+/g, "_");
  return {
    title: norm(cells("title")),
    description: norm(cells("description")),
    type: norm(cells("type")).toUpperCase(),
    subtype: subtype ? (SUBTYPE_NAMES.has(subtype) ? subtype : cells("subtype")) : undefined,
    status: cells("status").trim() ? (PLAIN_STATUS[lower(cells("status"))] ?? cells("status")) : "TODO",
    estimate: points(cells("estimate")),
    labels: norm(cells("labels")).split(/[;,|]/).map((label) => label.trim()).filter(Boolean),
    importedKey: norm(cells("key")) || undefined,
  };
}

const FIELD_NAMES: Record<ImportFormat, Record<string, string>> = {
  jira: { title: "Summary", type: "Issue Type", subtype: "Labels", status: "Status", estimate: "Story Points", labels: "Labels", description: "Description", importedKey: "Issue key" },
  plain: { title: "title", type: "type", subtype: "subtype", status: "status", estimate: "estimate", labels: "labels", description: "description", importedKey: "key" },
};

/** Reads `text` (a BOM, CRLF or LF line ends are fine; a NUL byte is not). */
export function readBacklogCsv(text: string): ImportReading {
  if (Buffer.byteLength(text, "utf8") > MAX_IMPORT_BYTES) return fileError(`The file is larger than ${MAX_IMPORT_BYTES / 1_000_000} MB: split it.`);
  const nul = text.indexOf("\u0000");
  if (nul >= 0) return fileError("The file holds a NUL byte: is it a spreadsheet saved as CSV (UTF-8)?", text.slice(0, nul).split("\n").length);
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: 100_000, to: MAX_IMPORT_ROWS + 2 });
  } catch (error) {
    const line = typeof error === "object" && error !== null && "lines" in error && typeof error.lines === "number" ? error.lines : 0;
    return fileError(`The file is not valid CSV: ${error instanceof Error ? error.message.slice(0, 200) : "unreadable"}.`, line);
  }
  const [header, ...body] = records;
  if (!header) return fileError("The file is empty: it needs a header row and at least one item.");
  if (body.length > MAX_IMPORT_ROWS) return fileError(`At most ${MAX_IMPORT_ROWS.toLocaleString("en-GB")} items in one file: split it.`);
  if (body.length === 0) return fileError("The file has a header but no items.");
  const names = header.map((name) => name.trim().toLowerCase());
  const format: ImportFormat | null = names.includes("summary") ? "jira" : names.includes("title") ? "plain" : null;
  if (!format) return fileError('The header names neither Jira\'s "Summary" nor the plain form\'s "title" column.', 1);
  const labelIndexes = names.flatMap((name, index) => (name === "labels" ? [index] : []));
  const rows: ImportRow[] = [];
  const errors: ImportError[] = [];
  body.forEach((record, index) => {
    const row = index + 2;
    const cells = (name: string) => record[names.indexOf(name)] ?? "";
    const mapped = format === "jira" ? jiraRow(cells, labelIndexes.map((i) => record[i] ?? "")) : plainRow(cells);
    const parsed = ZImportRow.safeParse(mapped);
    if (parsed.success) rows.push({ ...parsed.data, row });
    else for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "row");
      errors.push({ row, field: FIELD_NAMES[format][field] ?? field, message: issue.message });
    }
  });
  return { format, rows, errors };
}
