import { AsyncLocalStorage } from "node:async_hooks";
import type { Prisma } from "../generated/prisma/client.ts";
import { actorId, actorLabel, type Actor } from "../auth/actor";
import type { DbTx } from "../db";
import type { AuditAction } from "./audit-actions";
import type { AuditedEntityType } from "./audited-entities";

export type AuditEntry = {
  /** Registered with its sentence in audit-actions.ts. */
  action: AuditAction;
  /** Registered in audited-entities.ts, so the per-service and per-team views include it. */
  entityType: AuditedEntityType;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /** When it happened, if not now: only the demo seed's backfilled history passes one. */
  occurredAt?: Date;
};

/** JSON-safe copy: Dates become ISO strings, bigints strings, undefined fields vanish. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v)));
}

// Events are append-only (a trigger refuses updates), so history written today must be dated as it is
// written. Only the demo seed replays history; in a request the clock is empty and events are "now".
const historyClock = new AsyncLocalStorage<Date>();

/** Runs `write` with the audit events it records dated `at`: for backfilled history (the demo seed) only. */
export function recordingHistoryAt<T>(at: Date, write: () => Promise<T>): Promise<T> {
  return historyClock.run(at, write);
}

/**
 * Appends an unsealed audit event. Call it with the transaction client of the mutation it records,
 * so the event commits or rolls back with the change. The sealer chains it after commit.
 */
export async function recordAuditEvent(tx: DbTx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      occurredAt: entry.occurredAt ?? historyClock.getStore(),
      actorId: actorId(actor),
      actorLabel: actorLabel(actor),
      actorKind: actor.kind,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
    select: { id: true },
  });
}

/**
 * Appends many unsealed events, each with its own actor, in one statement: for backfilled history (the
 * demo seed), where an insert per event, or Prisma's createMany of JSON columns, takes seconds. The
 * rows travel as one JSON parameter; the columns are recordAuditEvent's.
 */
export async function recordAuditEvents(tx: DbTx, entries: (AuditEntry & { actor: Actor })[]): Promise<void> {
  if (entries.length === 0) return;
  const clock = historyClock.getStore();
  const rows = entries.map(({ actor, ...entry }) => ({ ...auditEventRow(actor, entry), occurredAt: (entry.occurredAt ?? clock ?? new Date()).toISOString() }));
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" (id, "occurredAt", "actorId", "actorLabel", "actorKind", action, "entityType", "entityId", before, after)
    SELECT gen_random_uuid()::text, r."occurredAt" AT TIME ZONE 'UTC', r."actorId", r."actorLabel", r."actorKind", r.action, r."entityType", r."entityId", r.before, r.after
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS r("occurredAt" timestamptz, "actorId" text, "actorLabel" text, "actorKind" text, action text, "entityType" text, "entityId" text, before jsonb, after jsonb)`;
}

/** An unsealed audit event as a JSON row for one of the hot paths' set-based statements. */
export type AuditEventRow = {
  /** ISO instant, or null for the statement's now(). */
  occurredAt: string | null;
  actorId: string | null; actorLabel: string; actorKind: string;
  action: AuditAction; entityType: AuditedEntityType; entityId: string;
  before: Prisma.InputJsonValue | null; after: Prisma.InputJsonValue | null;
};

/**
 * The columns recordAuditEvent writes, as a row a statement inserts (the alert ingest writes an
 * incident, its alerts and their audit events in one statement: lib/incidents/ingest/alert-incident-sql.ts).
 * The event is unsealed: the sealer chains it after commit, as any other.
 */
export function auditEventRow(actor: Actor, entry: AuditEntry): AuditEventRow {
  const at = entry.occurredAt ?? historyClock.getStore();
  return {
    occurredAt: at ? at.toISOString() : null,
    actorId: actorId(actor),
    actorLabel: actorLabel(actor),
    actorKind: actor.kind,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: toJson(entry.before) ?? null,
    after: toJson(entry.after) ?? null,
  };
}

/**
 * The INSERT of AuditEventRow rows given as one jsonb parameter, for a statement's CTE. `from` may
 * join another CTE before the rows (`inc, `), `entityId` and `after` may be expressions over it, and
 * `columns` adds input columns those expressions read.
 */
export function insertAuditRowsSql(rows: string, options: { from?: string; entityId?: string; after?: string; columns?: string } = {}): string {
  return `INSERT INTO "AuditEvent" (id, "occurredAt", "actorId", "actorLabel", "actorKind", action, "entityType", "entityId", before, after)
      SELECT gen_random_uuid()::text, COALESCE(r."occurredAt" AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'), r."actorId", r."actorLabel", r."actorKind",
             r.action, r."entityType", ${options.entityId ?? `r."entityId"`}, r.before, ${options.after ?? "r.after"}
        FROM ${options.from ?? ""}jsonb_to_recordset(${rows})
          AS r("occurredAt" timestamptz, "actorId" text, "actorLabel" text, "actorKind" text, action text, "entityType" text, "entityId" text,
               before jsonb, after jsonb${options.columns ? `, ${options.columns}` : ""})`;
}
