// The incident as the public API shows it: explicit fields, lower-case statuses like the request's.
import type { Prisma } from "../../generated/prisma/client.ts";

export const INCIDENT_DTO_SELECT = {
  id: true, number: true, title: true, status: true, impact: true, source: true, externalId: true,
  triggeredAt: true, acknowledgedAt: true, mitigatedAt: true, resolvedAt: true, closedAt: true,
  service: { select: { slug: true } },
} satisfies Prisma.IncidentSelect;

type Row = Prisma.IncidentGetPayload<{ select: typeof INCIDENT_DTO_SELECT }>;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function incidentDto(row: Row) {
  return {
    id: row.id,
    number: row.number,
    service: row.service.slug,
    title: row.title,
    status: row.status.toLowerCase(),
    impact: row.impact,
    source: row.source.toLowerCase(),
    startedAt: row.triggeredAt.toISOString(),
    acknowledgedAt: iso(row.acknowledgedAt),
    mitigatedAt: iso(row.mitigatedAt),
    resolvedAt: iso(row.resolvedAt),
    closedAt: iso(row.closedAt),
    externalId: row.externalId,
    url: `/incidents/${row.id}`,
  };
}

export type IncidentDto = ReturnType<typeof incidentDto>;
