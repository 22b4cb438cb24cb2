// What an item may point at: an owner among the team's members, one of the team's services, any
// incident (by number), a deployment or hypothesis of the team's services. A link that does not hold
// is a field error, and nothing is written.
import type { DbTx } from "../db";
import { AppError, type FieldErrors } from "../errors";

export type LinkInput = { ownerId?: string; serviceId?: string; incidentNumber?: number; deploymentId?: string; hypothesisId?: string };
export type Links = { ownerId: string | null; serviceId: string | null; incidentId: string | null; deploymentId: string | null; hypothesisId: string | null };

/** `current`: an edited item's links as they are; an owner it already has stays allowed (a review action's owner may sit in another team). */
export async function resolveLinks(tx: DbTx, teamId: string, input: LinkInput, current?: { ownerId: string | null }): Promise<Links> {
  const errors: FieldErrors = {};
  const [member, service, incident, deployment, hypothesis] = await Promise.all([
    input.ownerId && input.ownerId !== current?.ownerId ? tx.teamMembership.findFirst({ where: { teamId, personId: input.ownerId }, select: { personId: true } }) : null,
    input.serviceId ? tx.service.findFirst({ where: { id: input.serviceId, teamId }, select: { id: true } }) : null,
    input.incidentNumber ? tx.incident.findUnique({ where: { number: input.incidentNumber }, select: { id: true } }) : null,
    input.deploymentId ? tx.deployment.findFirst({ where: { id: input.deploymentId, service: { teamId } }, select: { id: true } }) : null,
    input.hypothesisId ? tx.hypothesis.findFirst({ where: { id: input.hypothesisId, service: { teamId } }, select: { id: true } }) : null,
  ]);
  if (input.ownerId && input.ownerId !== current?.ownerId && !member) errors.ownerId = ["The owner is one of the team's members."];
  if (input.serviceId && !service) errors.serviceId = ["Choose one of the team's own services."];
  if (input.incidentNumber && !incident) errors.incidentNumber = [`There is no incident INC-${input.incidentNumber}.`];
  if (input.deploymentId && !deployment) errors.deploymentId = ["Choose a deployment of one of the team's services."];
  if (input.hypothesisId && !hypothesis) errors.hypothesisId = ["Choose a hypothesis on one of the team's services."];
  if (Object.keys(errors).length) throw AppError.validation(errors);
  return { ownerId: input.ownerId ?? null, serviceId: service?.id ?? null, incidentId: incident?.id ?? null, deploymentId: deployment?.id ?? null, hypothesisId: hypothesis?.id ?? null };
}

/** A due date typed as a day is due at the end of that day (UTC). */
export const dueAtOf = (day: string | undefined): Date | null => (day ? new Date(`${day}T23:59:59.999Z`) : null);

/** The stamps a status implies: started when it leaves to-do, done when it is done; cleared going back. */
export function statusStamps(status: "TODO" | "DOING" | "DONE", current: { startedAt: Date | null; doneAt: Date | null }, now: Date) {
  if (status === "TODO") return { startedAt: null, doneAt: null };
  if (status === "DOING") return { startedAt: current.startedAt ?? now, doneAt: null };
  return { startedAt: current.startedAt ?? now, doneAt: current.doneAt ?? now };
}
