import { Prisma } from "../generated/prisma/client.ts";
import type { Actor } from "../auth/actor";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { z } from "zod";
import { isSaneInstant } from "../validation/instant";
import { safeText } from "../validation/text";
import { deploymentFilterOptions } from "../deployments/queries";
import { auditWhere } from "./audit-filter-sql";
import { describeAuditEvents } from "./describe-audit-events";
import type { AuditSentence } from "./sentence-kit";

export type AuditEventDto = {
  id: string;
  seq: string | null;
  occurredAt: Date;
  actorId: string | null;
  actorLabel: string;
  actorKind: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  sealed: boolean;
  /** The event in words, with current names (describe-audit-events.ts). */
  sentence: AuditSentence;
};

const select = {
  id: true, seq: true, occurredAt: true, actorId: true, actorLabel: true, actorKind: true, action: true,
  entityType: true, entityId: true, before: true, after: true,
} satisfies Prisma.AuditEventSelect;

/** The rows of one page, said in words with one name query per entity type. */
async function toDtos(prisma: Db, rows: AuditRow[]): Promise<AuditEventDto[]> {
  return describeAuditEvents(prisma, rows.map((row) => ({ ...row, seq: row.seq?.toString() ?? null, sealed: row.seq !== null })));
}

const optionalDate = safeText()
  .optional()
  .transform((value) => (value ? new Date(value) : undefined))
  .refine((value) => value === undefined || isSaneInstant(value));

// Page filters: a value that cannot be stored or searched for (a NUL, say) is dropped like any bad filter.
const filterText = (max: number) => safeText().trim().max(max).optional().catch(undefined);

export const ZAuditFilters = z.object({
  entityType: filterText(50),
  entityId: filterText(100),
  actor: filterText(200),
  action: filterText(100),
  service: filterText(100),
  team: filterText(100),
  from: optionalDate.catch(undefined),
  to: optionalDate.catch(undefined),
  /** Keyset cursor: the last event of the previous page, as `<occurredAt ISO>_<id>`. */
  before: filterText(200),
});
export type TAuditFilters = z.infer<typeof ZAuditFilters>;

const PAGE_SIZE = 50;

const encodeCursor = (event: { occurredAt: Date; id: string }) => `${event.occurredAt.toISOString()}_${event.id}`;

function decodeCursor(cursor: string | undefined): { occurredAt: Date; id: string } | null {
  const match = cursor ? /^(\d{4}-\d\d-\d\dT[\d:.]+Z)_(.+)$/.exec(cursor) : null;
  const occurredAt = match ? new Date(match[1]!) : null;
  return occurredAt && isSaneInstant(occurredAt) ? { occurredAt, id: match![2]! } : null;
}

type AuditRow = Prisma.AuditEventGetPayload<{ select: typeof select }>;

/**
 * The audit page: newest first, keyset-paged by (occurredAt, id): the `before` cursor names the last
 * event shown, so page 1,000 costs what page 1 costs (no OFFSET).
 */
export async function listAuditEvents(prisma: Db, actor: Actor, filters: TAuditFilters) {
  authorize(actor, "audit.read");
  const cursor = decodeCursor(filters.before);
  const rows = await prisma.$queryRaw<AuditRow[]>`
    SELECT e.id, e.seq, e."occurredAt", e."actorId", e."actorLabel", e."actorKind", e.action, e."entityType", e."entityId", e.before, e.after
      FROM "AuditEvent" e
     WHERE ${auditWhere(filters, { toInclusive: true })}
       AND ${cursor ? Prisma.sql`e."occurredAt" <= ${cursor.occurredAt} AND (e."occurredAt" < ${cursor.occurredAt} OR e.id < ${cursor.id})` : Prisma.sql`TRUE`}
     ORDER BY e."occurredAt" DESC, e.id DESC
     LIMIT ${PAGE_SIZE + 1}`;
  const page = await toDtos(prisma, rows.slice(0, PAGE_SIZE));
  const last = rows.length > PAGE_SIZE ? rows[PAGE_SIZE - 1]! : null;
  return { events: page, nextCursor: last ? encodeCursor(last) : null };
}

/**
 * The filter menus. A loose index scan (a recursive CTE that jumps from one distinct value to the next
 * through the index) reads a few rows per distinct value instead of the whole trail. Services as the
 * deployments pages offer them, so 2,000 services do not put a 2,000-option select in the page.
 */
export async function auditFilterOptions(prisma: Db, chosen: { team?: string; service?: string } = {}) {
  const [entityTypes, actions, { services, servicesNarrowed, teams }] = await Promise.all([
    prisma.$queryRaw<{ value: string }[]>`
      WITH RECURSIVE t AS (
        (SELECT "entityType" AS value FROM "AuditEvent" ORDER BY "entityType" LIMIT 1)
        UNION ALL
        SELECT (SELECT "entityType" FROM "AuditEvent" WHERE "entityType" > t.value ORDER BY "entityType" LIMIT 1) FROM t WHERE t.value IS NOT NULL)
      SELECT value FROM t WHERE value IS NOT NULL`,
    prisma.$queryRaw<{ value: string }[]>`
      WITH RECURSIVE t AS (
        (SELECT action AS value FROM "AuditEvent" ORDER BY action LIMIT 1)
        UNION ALL
        SELECT (SELECT action FROM "AuditEvent" WHERE action > t.value ORDER BY action LIMIT 1) FROM t WHERE t.value IS NOT NULL)
      SELECT value FROM t WHERE value IS NOT NULL`,
    // The deployments pages' rule: every service in a small organisation, the chosen team's in a large one.
    deploymentFilterOptions(prisma, chosen),
  ]);
  return { entityTypes: entityTypes.map((row) => row.value), actions: actions.map((row) => row.value), services, servicesNarrowed, teams };
}

/** History of one entity, shown on its page to anyone who can read the entity. */
export async function listEntityHistory(prisma: Db, entityType: string, entityId: string, take = 20): Promise<AuditEventDto[]> {
  const rows = await prisma.auditEvent.findMany({
    where: { entityType, entityId },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take,
    select,
  });
  return toDtos(prisma, rows);
}
