// The incident as its domain events carry it (lib/events/catalogue.ts): read once in the writing
// transaction, so notices, pages and webhooks never read the database again for it.
import type { DbTx } from "../db";
import type { EventPayload } from "../events/catalogue";
import { emitEvent } from "../events/emit";
import { isMajor } from "./impact";

export type IncidentEventPayload = EventPayload<"incident.triggered">["incident"];

export const incidentHref = (id: string) => `/incidents/${id}`;

export async function incidentPayload(tx: DbTx, incidentId: string): Promise<IncidentEventPayload> {
  const row = await tx.incident.findUniqueOrThrow({
    where: { id: incidentId },
    select: {
      id: true, number: true, title: true, impact: true, status: true,
      service: { select: { id: true, slug: true, name: true } },
      team: { select: { id: true, name: true } },
      services: { select: { service: { select: { id: true, slug: true, name: true } } }, orderBy: { createdAt: "asc" }, take: 100 },
    },
  });
  return {
    id: row.id, number: row.number, title: row.title, impact: row.impact, major: isMajor(row.impact), status: row.status,
    service: row.service, services: row.services.map((link) => link.service), team: row.team, href: incidentHref(row.id),
  };
}

type Emittable = Exclude<Extract<keyof typeof import("../events/catalogue").EVENT_SCHEMAS, `incident.${string}`>, never>;

/** Emits an incident event for the responding service and team, with the incident read now. */
export async function emitIncidentEvent<T extends Emittable>(
  tx: DbTx,
  type: T,
  incident: IncidentEventPayload,
  rest: Omit<EventPayload<T>, "incident">,
): Promise<void> {
  await emitEvent(tx, type, { entityType: "Incident", entityId: incident.id, serviceId: incident.service.id, teamId: incident.team.id }, { incident, ...rest } as EventPayload<T>);
}
