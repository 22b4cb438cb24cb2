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
};

/** JSON-safe copy: Dates become ISO strings, bigints strings, undefined fields vanish. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v)));
}

/**
 * Appends an unsealed audit event. Call it with the transaction client of the mutation it records,
 * so the event commits or rolls back with the change. The sealer chains it after commit.
 */
export async function recordAuditEvent(tx: DbTx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
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
