// A CSV of items (Jira's export or the plain form) into a team's backlog. A dry run reads the file and
// says, row by row, what would be created; a real run writes every row or, when any row is bad,
// nothing at all (and names the rows and fields). The import is one transaction with one audit event
// ("Pat imported 42 items into Checkout's backlog from Jira CSV"); the items go to the bottom of the
// priority order, in the file's order.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { AppError, parseInput } from "../errors";
import { lockBacklog, teamForBacklogEdit } from "./backlog-access";
import { readBacklogCsv, type ImportError, type ImportFormat, type ImportRow } from "./csv-import";
import { statusStamps } from "./item-links";
import { ranksAtBottom } from "./ranks";
import { ZImportInput } from "./schemas";

export type ImportReport = { dryRun: boolean; format: ImportFormat | null; rows: ImportRow[]; errors: ImportError[]; created: number };

/** The report's errors as form field errors: "row 7 · Status" → its messages. */
export function importFieldErrors(errors: readonly ImportError[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const error of errors.slice(0, 200)) (out[error.row ? `row ${error.row} · ${error.field}` : "file"] ??= []).push(error.message);
  return out;
}

export async function importBacklogItems(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<ImportReport> {
  const data = parseInput(ZImportInput, input);
  const team = await teamForBacklogEdit(prisma, actor, data.teamSlug);
  const reading = readBacklogCsv(data.csv);
  if (data.dryRun) return { dryRun: true, ...reading, created: 0 };
  if (reading.errors.length) {
    const rows = [...new Set(reading.errors.map((error) => error.row))].filter(Boolean);
    const named = rows.length ? `Rows ${rows.slice(0, 20).join(", ")}${rows.length > 20 ? "…" : ""} need attention` : "The file cannot be read";
    throw AppError.validation(importFieldErrors(reading.errors), `${named}: nothing was imported.`);
  }
  await prisma.$transaction(async (tx) => {
    await teamForBacklogEdit(tx, actor, data.teamSlug);
    await lockBacklog(tx, team.id);
    const ranks = await ranksAtBottom(tx, team.id, reading.rows.length);
    await tx.backlogItem.createMany({
      data: reading.rows.map((row, index) => ({
        teamId: team.id, type: row.type, subtype: row.subtype ?? null, title: row.title, description: row.description, estimate: row.estimate ?? null,
        status: row.status, ...statusStamps(row.status, { startedAt: null, doneAt: null }, now), rank: ranks[index]!, source: "IMPORT" as const,
        labels: row.labels, importedKey: row.importedKey ?? null, createdById: actor.kind === "PERSON" ? actor.id : null,
      })),
    });
    await recordAuditEvent(tx, actor, {
      action: "backlog.import-items", entityType: "Team", entityId: team.id,
      after: { name: team.name, count: reading.rows.length, format: reading.format, fileName: data.fileName ?? null },
    });
  }, { timeout: 30_000 });
  await requestSeal(prisma);
  return { dryRun: false, ...reading, created: reading.rows.length };
}
