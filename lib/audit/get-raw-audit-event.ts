// One audit event as recorded, for the "Raw event" disclosure of the audit table: the page sends the
// sentences only, and a reader who opens an event's raw view gets its JSON, chain position and hashes
// from here (GET /api/v1/audit/events/{id}), so 50 rows of JSON never sit in the page's HTML.
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { notFound, parseInput } from "../errors";

const ZEventId = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Not an audit event id.") });

export type RawAuditEventDto = {
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
  prevHash: string | null;
  hash: string | null;
  sealedAt: Date | null;
};

export async function getRawAuditEvent(prisma: Db, actor: Actor, input: unknown): Promise<RawAuditEventDto> {
  authorize(actor, "audit.read");
  const { id } = parseInput(ZEventId, input);
  const event = await prisma.auditEvent.findUnique({
    where: { id },
    select: {
      id: true, seq: true, occurredAt: true, actorLabel: true, actorKind: true, action: true, entityType: true, entityId: true,
      before: true, after: true, prevHash: true, hash: true, sealedAt: true,
    },
  });
  if (!event) throw notFound("That audit event");
  return { ...event, seq: event.seq?.toString() ?? null };
}
