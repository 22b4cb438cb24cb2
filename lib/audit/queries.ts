import type { Prisma } from "../generated/prisma/client.ts";
import type { Actor } from "../auth/actor";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { z } from "zod";

export type AuditEventDto = {
  id: string;
  seq: string | null;
  occurredAt: Date;
  actorLabel: string;
  actorKind: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  sealed: boolean;
};

const select = {
  id: true, seq: true, occurredAt: true, actorLabel: true, actorKind: true, action: true,
  entityType: true, entityId: true, before: true, after: true,
} satisfies Prisma.AuditEventSelect;

function toDto(row: Prisma.AuditEventGetPayload<{ select: typeof select }>): AuditEventDto {
  return { ...row, seq: row.seq?.toString() ?? null, sealed: row.seq !== null };
}

const optionalDate = z
  .string()
  .optional()
  .transform((value) => (value ? new Date(value) : undefined))
  .refine((value) => value === undefined || !Number.isNaN(value.getTime()));

export const ZAuditFilters = z.object({
  entityType: z.string().trim().max(50).optional().catch(undefined),
  entityId: z.string().trim().max(100).optional().catch(undefined),
  actor: z.string().trim().max(200).optional().catch(undefined),
  action: z.string().trim().max(100).optional().catch(undefined),
  from: optionalDate.catch(undefined),
  to: optionalDate.catch(undefined),
  before: z.string().trim().max(100).optional().catch(undefined),
});
export type TAuditFilters = z.infer<typeof ZAuditFilters>;

const PAGE_SIZE = 50;

/** The audit page: newest first, keyset-paged by (occurredAt, id) via the `before` cursor (an event id). */
export async function listAuditEvents(prisma: Db, actor: Actor, filters: TAuditFilters) {
  authorize(actor, "audit.read");
  const where: Prisma.AuditEventWhereInput = {};
  if (filters.entityType) where.entityType = filters.entityType;
  if (filters.entityId) where.entityId = filters.entityId;
  if (filters.action) where.action = { startsWith: filters.action };
  if (filters.actor) where.actorLabel = { contains: filters.actor, mode: "insensitive" };
  if (filters.from || filters.to) where.occurredAt = { gte: filters.from, lte: filters.to };
  const rows = await prisma.auditEvent.findMany({
    where,
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    ...(filters.before ? { cursor: { id: filters.before }, skip: 1 } : {}),
    select,
  });
  const page = rows.slice(0, PAGE_SIZE).map(toDto);
  return { events: page, nextCursor: rows.length > PAGE_SIZE ? page[page.length - 1]!.id : null };
}

export async function auditFilterOptions(prisma: Db) {
  const [entityTypes, actions] = await Promise.all([
    prisma.auditEvent.findMany({ distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } }),
    prisma.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  return { entityTypes: entityTypes.map((row) => row.entityType), actions: actions.map((row) => row.action) };
}

/** History of one entity, shown on its page to anyone who can read the entity. */
export async function listEntityHistory(prisma: Db, entityType: string, entityId: string, take = 20): Promise<AuditEventDto[]> {
  const rows = await prisma.auditEvent.findMany({
    where: { entityType, entityId },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take,
    select,
  });
  return rows.map(toDto);
}
