// Who may run an incident (the "incidents.respond" permission): the responding team, whoever was paged
// for it or holds a role in it (someone on the domain's rota is often of another team), incident
// managers and admins; an alerting tool with the token of an affected service.
import type { Actor } from "../auth/actor";
import { authorize } from "../authz/can";
import type { DbTx } from "../db";
import { notFound } from "../errors";

export type IncidentForResponse = { id: string; number: number; serviceId: string; teamId: string; status: import("../generated/prisma/enums.ts").IncidentStatus; impact: import("../generated/prisma/enums.ts").IncidentImpact };

export async function incidentForResponse(tx: DbTx, actor: Actor, incidentId: string): Promise<IncidentForResponse> {
  const incident = await tx.incident.findUnique({
    where: { id: incidentId },
    select: { id: true, number: true, serviceId: true, teamId: true, status: true, impact: true, services: { select: { serviceId: true } } },
  });
  if (!incident) {
    authorize(actor, "incidents.read");
    throw notFound("The incident");
  }
  let isResponder = false;
  if (actor.kind === "PERSON" && !actor.teamIds.includes(incident.teamId)) {
    const [paged, role] = await Promise.all([
      tx.incidentPage.count({ where: { incidentId, personId: actor.id } }),
      tx.incidentRole.count({ where: { incidentId, personId: actor.id } }),
    ]);
    isResponder = paged + role > 0;
  }
  // A token acts for one service: it may run the incidents that affect it, even after a reassignment.
  const serviceId = actor.kind === "TOKEN" && actor.serviceId && incident.services.some((link) => link.serviceId === actor.serviceId) ? actor.serviceId : incident.serviceId;
  authorize(actor, "incidents.respond", { teamId: incident.teamId, serviceId, isResponder });
  return { id: incident.id, number: incident.number, serviceId: incident.serviceId, teamId: incident.teamId, status: incident.status, impact: incident.impact };
}
