// What every integration needs before it writes: the service it reports for (the token's own, or one
// named by a caller who may act on several), checked through the one authorize, and a retry for the
// race two deliveries of the same new alert run (the loser of the unique index re-reads and finds the
// winner's incident).
import type { Actor } from "../../auth/actor";
import { authorize, authorizeNamedService } from "../../authz/can";
import type { DbTx } from "../../db";
import { AppError, isUniqueViolation } from "../../errors";
import type { IncidentImpact, IncidentSource, IncidentStatus } from "../../generated/prisma/enums.ts";

export type IngestService = {
  id: string; slug: string; name: string; teamId: string;
  criticalAlertImpact: IncidentImpact; errorAlertImpact: IncidentImpact;
};

const SERVICE_SELECT = { id: true, slug: true, name: true, teamId: true, archivedAt: true, criticalAlertImpact: true, errorAlertImpact: true } as const;

export const NEEDS_SERVICE = "Name the service (?service=<slug>), or send a token that acts for one service.";

/**
 * The service an alert is for. A service's token reports for its own service (a `service` naming
 * another, or one that does not exist, is the same 403, so a token cannot probe slugs); a caller not
 * bound to a service (a person, an organisation token) names it.
 */
export async function ingestService(tx: DbTx, actor: Actor, slug: string | null | undefined): Promise<IngestService> {
  const where = ingestServiceKey(actor, slug);
  const service = await tx.service.findUnique({ where: where.slug ? { slug: where.slug } : { id: where.id! }, select: SERVICE_SELECT });
  return checkIngestService(actor, slug, service);
}

/** Which service to read for a delivery (the named slug, else the token's own); refuses a caller with neither. */
export function ingestServiceKey(actor: Actor, slug: string | null | undefined): { slug: string | null; id: string | null } {
  authorize(actor, "incidents.declare");
  const own = actor.kind === "TOKEN" ? actor.serviceId : null;
  if (!slug && !own) throw AppError.validation({ service: [NEEDS_SERVICE] }, NEEDS_SERVICE);
  return slug ? { slug, id: null } : { slug: null, id: own };
}

/** The service read for ingestServiceKey, checked: it exists, the caller may act for it, it is not archived. */
export function checkIngestService<S extends IngestService & { archivedAt: unknown }>(actor: Actor, slug: string | null | undefined, service: S | null): Omit<S, "archivedAt"> {
  authorizeNamedService(actor, "incidents.declare", service, () => AppError.validation({ service: [`No service has the slug "${slug}".`] }));
  if (service.archivedAt) throw AppError.validation({ service: ["The service is archived: it takes no new incidents."] });
  const { archivedAt: _archived, ...rest } = service;
  return rest;
}

export type OpenAlertIncident = { id: string; number: number; status: IncidentStatus; triggeredMs: number };

/**
 * The open incident of an alert group, locked for this transaction: deliveries of one group queue
 * behind each other, so "the last alert resolved" and "a new alert fired" cannot both miss each other.
 * Read committed re-checks the status after the wait, so a delivery that waited behind a resolve finds
 * no open incident and opens a new one.
 */
export async function lockOpenIncident(tx: DbTx, serviceId: string, source: IncidentSource, dedupKey: string): Promise<OpenAlertIncident | null> {
  const rows = await tx.$queryRaw<OpenAlertIncident[]>`
    SELECT id, number, status::text AS status, (extract(epoch FROM "triggeredAt") * 1000)::float8 AS "triggeredMs" FROM "Incident"
     WHERE "serviceId" = ${serviceId} AND source = ${source}::"IncidentSource" AND "dedupKey" = ${dedupKey}
       AND status NOT IN ('RESOLVED', 'CLOSED')
     FOR UPDATE`;
  return rows[0] ?? null;
}

const ATTEMPTS = 4;

/** A conflict that a fresh read resolves: the unique index lost to a concurrent delivery, or a status move raced. */
function isRace(error: unknown): boolean {
  if (isUniqueViolation(error)) return true;
  if (error instanceof AppError && error.code === "CONFLICT" && Object.keys(error.fieldErrors).length === 0) return true;
  const text = error instanceof Error ? error.message : "";
  return text.includes("23505") || text.includes("rw_manual_incident_open_dedup") || text.includes("40001") || text.includes("40P01");
}

/** Runs `write` (a whole transaction), again from the start when it lost a race to a concurrent delivery. */
export async function withRaceRetry<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRace(error)) throw error;
    }
  }
}
