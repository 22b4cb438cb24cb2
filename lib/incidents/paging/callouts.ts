// Callouts for the load and pay report: each (incident, person) where the person was paged out of
// hours, or acknowledged an incident that had paged someone out of hours, counted once, in the month
// of its first such moment, and charged to the owning team of the incident's responding service.
import { z } from "zod";
import type { DbTx } from "../../db";
import type { CalloutInput } from "../../oncall/load-report";

const ZRow = z.object({ incidentId: z.string(), personId: z.string(), teamId: z.string(), serviceSlug: z.string() });

export async function calloutsIn(tx: DbTx, range: { from: Date; to: Date }): Promise<(CalloutInput & { incidentId: string })[]> {
  const rows = await tx.$queryRaw<unknown[]>`
    WITH moments AS (
      SELECT p."incidentId", p."personId", p."pagedAt" AS at
        FROM "IncidentPage" p
       WHERE p."outOfHours" AND p."personId" IS NOT NULL AND p."pagedAt" < ${range.to}
      UNION ALL
      SELECT e."incidentId", e."personId", e."occurredAt" AS at
        FROM "IncidentTimelineEntry" e
       WHERE e.kind = 'ACKNOWLEDGED' AND e."personId" IS NOT NULL AND e."occurredAt" < ${range.to}
         AND EXISTS (SELECT 1 FROM "IncidentPage" p WHERE p."incidentId" = e."incidentId" AND p."outOfHours")
    ), firsts AS (
      SELECT "incidentId", "personId", min(at) AS at FROM moments GROUP BY "incidentId", "personId"
    )
    SELECT f."incidentId", f."personId", s."teamId", s.slug AS "serviceSlug"
      FROM firsts f JOIN "Incident" i ON i.id = f."incidentId" JOIN "Service" s ON s.id = i."serviceId"
     WHERE f.at >= ${range.from}
     ORDER BY f.at, f."personId"`;
  return rows.map((row) => ZRow.parse(row));
}
