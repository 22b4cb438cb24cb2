// The API's incident reads: the list (newest first, keyset-paged by (startedAt, id)) and one incident.
// A token confined to its service sees only the incidents that affect that service; another service's
// incident is simply not found.
import type { Actor } from "../../auth/actor";
import { authorize, tokenServiceLimit } from "../../authz/can";
import type { Db } from "../../db";
import { AppError, notFound, parseInput } from "../../errors";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { IncidentStatus } from "../../generated/prisma/enums.ts";
import { decodeCursor, encodeCursor } from "../../validation/keyset-cursor";
import { safeId } from "../../validation/text";
import { ZIncidentListQuery } from "../schemas";
import { OPEN_STATUSES } from "../status-transitions";
import { incidentDto, INCIDENT_DTO_SELECT } from "./incident-dto";

const BAD_CURSOR = "That cursor is not one Runwell gave out: pass the `next` of the previous page.";

function statusFilter(status: string | undefined): Prisma.IncidentWhereInput {
  if (!status) return {};
  if (status === "open") return { status: { in: [...OPEN_STATUSES] } };
  return { status: status.toUpperCase() as IncidentStatus };
}

export async function listIncidentsForApi(prisma: Db, actor: Actor, input: unknown) {
  authorize(actor, "incidents.read");
  const query = parseInput(ZIncidentListQuery, input);
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && !cursor) throw AppError.validation({ cursor: [BAD_CURSOR] });
  const limit = tokenServiceLimit(actor, "incidents.read");
  const where: Prisma.IncidentWhereInput = {
    AND: [
      limit ? { services: { some: { serviceId: limit } } } : {},
      query.service ? { services: { some: { service: { slug: query.service } } } } : {},
      statusFilter(query.status),
      cursor ? { OR: [{ triggeredAt: { lt: cursor.at } }, { triggeredAt: cursor.at, id: { lt: cursor.id } }] } : {},
    ],
  };
  const rows = await prisma.incident.findMany({ where, orderBy: [{ triggeredAt: "desc" }, { id: "desc" }], take: query.limit + 1, select: INCIDENT_DTO_SELECT });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { incidents: page.map(incidentDto), next: rows.length > query.limit && last ? encodeCursor({ at: last.triggeredAt, id: last.id }) : null };
}

const ZIncidentId = safeId("Name the incident by its id.", 100);

export async function getIncidentForApi(prisma: Db, actor: Actor, id: unknown) {
  authorize(actor, "incidents.read");
  const incidentId = parseInput(ZIncidentId, id);
  const limit = tokenServiceLimit(actor, "incidents.read");
  const row = await prisma.incident.findFirst({
    where: { id: incidentId, ...(limit ? { services: { some: { serviceId: limit } } } : {}) },
    select: {
      ...INCIDENT_DTO_SELECT,
      summary: true,
      services: { select: { service: { select: { slug: true } } }, orderBy: { createdAt: "asc" }, take: 100 },
      timeline: { select: { kind: true, message: true, actorLabel: true, url: true, occurredAt: true }, orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }], take: 200 },
      _count: { select: { alerts: true } },
    },
  });
  if (!row) throw notFound("The incident");
  return {
    ...incidentDto(row),
    summary: row.summary,
    services: row.services.map((link) => link.service.slug),
    alerts: row._count.alerts,
    timeline: row.timeline.map((entry) => ({ kind: entry.kind.toLowerCase(), message: entry.message, by: entry.actorLabel, url: entry.url, at: entry.occurredAt.toISOString() })),
  };
}
