// The audit trail as a download for auditors: CSV or JSON, streamed in keyset batches so a million
// events never sit in memory, with seq, prevHash and hash so the chain can be verified offline.
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { ANOTHER_SERVICE, authorize, tokenServiceLimit } from "../authz/can";
import type { Db } from "../db";
import { AppError, forbidden } from "../errors";
import { INSTANT_RANGE_MESSAGE, isSaneInstant } from "../validation/instant";
import { safeText } from "../validation/text";
import { Prisma } from "../generated/prisma/client.ts";
import { auditWhere } from "./audit-filter-sql";
import { organisationWords, sentenceTexts } from "./describe-audit-events";
import { csvHeader, csvLine, jsonElement, type ExportRow } from "./export-format";
import type { ValueWords } from "./value-words";
import { sealAllPending } from "./seal-audit-events";

const BATCH = 2000;

const isoDate = safeText()
  .trim()
  .max(40, "Use an ISO 8601 date or date-time, e.g. 2026-11-01 or 2026-11-01T00:00:00Z.")
  .refine((value) => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d\d-\d\d/.test(value), { message: "Use an ISO 8601 date or date-time, e.g. 2026-11-01 or 2026-11-01T00:00:00Z.", abort: true })
  .refine((value) => isSaneInstant(Date.parse(value)), INSTANT_RANGE_MESSAGE)
  .transform((value) => new Date(value));

const filterText = (max: number) => safeText().trim().min(1, "Leave it out, or give a value.").max(max, `At most ${max} characters.`).optional();

export const ZAuditExportQuery = z
  .object({
    format: z.enum(["csv", "json"], { message: 'Use "csv" or "json".' }).default("csv"),
    from: isoDate.optional(),
    to: isoDate.optional(),
    entityType: filterText(50),
    entityId: filterText(100),
    actor: filterText(200),
    action: filterText(100),
    service: filterText(100),
    team: filterText(100),
  })
  .refine((query) => !query.from || !query.to || query.from < query.to, { path: ["to"], message: "Must be after from." });

export type AuditExport = { filename: string; contentType: string; body: ReadableStream<Uint8Array> };

/** Parses the query, authorises, seals pending events and returns a stream that reads batch by batch. */
export async function exportAuditEvents(prisma: Db, actor: Actor, query: Record<string, string>): Promise<AuditExport> {
  // A service's token exports its own service's events only: the owning team mints its tokens, and
  // must not read the rest of the organisation's trail that way. An organisation-wide token reads it all.
  const tokenServiceId = tokenServiceLimit(actor, "audit.export");
  authorize(actor, "audit.export", { serviceId: tokenServiceId });
  const parsed = ZAuditExportQuery.safeParse(query);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[issue.path.map(String).join(".") || "_query"] ??= []).push(issue.message);
    throw new AppError("BAD_REQUEST", "Some query parameters need attention.", fields);
  }
  const { format, ...filters } = parsed.data;
  if (tokenServiceId) {
    if (filters.service) {
      const named = await prisma.service.findUnique({ where: { slug: filters.service }, select: { id: true } });
      if (named?.id !== tokenServiceId) throw forbidden(ANOTHER_SERVICE);
    }
    Object.assign(filters, { serviceId: tokenServiceId });
  }
  // Everything committed before the export starts is chained, so every row carries its hash.
  await sealAllPending(prisma);
  const where = auditWhere(filters, { toInclusive: false });
  const day = (date?: Date) => date?.toISOString().slice(0, 19).replace(/:/g, "") ?? null;
  const filename = `runwell-audit-${day(filters.from) ?? "start"}-to-${day(filters.to) ?? new Date().toISOString().slice(0, 19).replace(/:/g, "")}.${format}`;
  return {
    filename,
    contentType: format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    body: exportStream(prisma, where, format),
  };
}

type Cursor = { occurredAt: string; id: string };

// The keyset condition is spelled out (not a row comparison) so the occurredAt index serves it; ties
// on occurredAt are then ordered by id with an incremental sort.
type StoredRow = Omit<ExportRow, "sentence">;

function readBatch(prisma: Db, where: Prisma.Sql, after: Cursor | null): Promise<StoredRow[]> {
  return prisma.$queryRaw<StoredRow[]>`
    SELECT e.seq::text AS seq, e.id,
           to_char(e."occurredAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt",
           e."actorId", e."actorLabel", e."actorKind", e.action, e."entityType", e."entityId",
           e.before::text AS before, e.after::text AS after, e."prevHash", e.hash,
           to_char(e."sealedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "sealedAt"
      FROM "AuditEvent" e
     WHERE ${where}
       AND ${after ? Prisma.sql`e."occurredAt" >= ${after.occurredAt}::timestamp AND (e."occurredAt" > ${after.occurredAt}::timestamp OR e.id > ${after.id})` : Prisma.sql`TRUE`}
     ORDER BY e."occurredAt", e.id
     LIMIT ${BATCH}`;
}

/** A batch with each event's sentence: before/after are parsed for the words only; the row keeps their text. */
async function withSentences(prisma: Db, rows: StoredRow[], words: ValueWords): Promise<ExportRow[]> {
  const events = rows.map((row) => ({ ...row, before: row.before === null ? null : (JSON.parse(row.before) as unknown), after: row.after === null ? null : (JSON.parse(row.after) as unknown) }));
  const sentences = await sentenceTexts(prisma, events, words);
  return rows.map((row, index) => ({ ...row, sentence: sentences[index] ?? null }));
}

/**
 * Pull-based: batches are read as the client takes them, so memory stays at about two batches (the
 * one being sent and the next, read ahead while this one is said in words with one name query per
 * entity type) however large the export, and a client that disconnects stops the reads.
 */
function exportStream(prisma: Db, where: Prisma.Sql, format: "csv" | "json"): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: Cursor | null = null;
  let ahead: Promise<StoredRow[]> | null = null;
  let words: Promise<ValueWords> | null = null;
  let first = true;
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(format === "csv" ? csvHeader() : "["));
      },
      async pull(controller) {
        if (done) return;
        words ??= organisationWords(prisma);
        const stored = await (ahead ?? readBatch(prisma, where, cursor));
        const full = stored.length === BATCH;
        if (full) {
          const last = stored[stored.length - 1]!;
          cursor = { occurredAt: last.occurredAt, id: last.id };
          ahead = readBatch(prisma, where, cursor);
          ahead.catch(() => undefined); // awaited by the next pull; a cancelled export never asks
        } else ahead = null;
        const rows = await withSentences(prisma, stored, await words);
        let chunk = "";
        for (const row of rows) {
          if (format === "csv") chunk += csvLine(row);
          else {
            chunk += `${first ? "\n" : ",\n"}${jsonElement(row)}`;
            first = false;
          }
        }
        if (!full) {
          done = true;
          if (format === "json") chunk += "\n]\n";
          controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(chunk));
      },
      cancel() {
        done = true;
      },
    },
    { highWaterMark: 1 },
  );
}
