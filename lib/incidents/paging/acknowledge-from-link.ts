// The one-click acknowledge link, without a session: the signed token is the key. Looking at the link
// (GET, which mail scanners and chat link previews also do) writes nothing; pressing Acknowledge (POST)
// acknowledges as the paged person through the same lifecycle move as the incident page's button.
// A link that is damaged, signed by another key, expired, or not for a page of that incident is refused
// with a 4xx answer and writes nothing.
import type { PersonActor } from "../../auth/actor";
import { requestSeal } from "../../audit/seal-audit-events";
import type { Db, DbTx } from "../../db";
import { AppError } from "../../errors";
import type { IncidentStatus } from "../../generated/prisma/enums.ts";
import { moveIncident } from "../move-incident";
import { STATUS_WORDS } from "../status-transitions";
import { verifyAckToken } from "./ack-token";

export type AckLinkView = {
  status: 200 | 400 | 403 | 404 | 409 | 410;
  heading: string;
  message: string;
  /** Show the Acknowledge button. */
  canAcknowledge: boolean;
  incident: { id: string; number: number; title: string; status: IncidentStatus; serviceName: string } | null;
  personName: string | null;
};

const refused = (status: AckLinkView["status"], heading: string, message: string): AckLinkView => ({ status, heading, message, canAcknowledge: false, incident: null, personName: null });

type Resolved = { view: AckLinkView } | { view?: undefined; actor: PersonActor; incident: NonNullable<AckLinkView["incident"]> };

async function resolve(tx: DbTx, token: string, now: Date): Promise<Resolved> {
  const check = verifyAckToken(token, now);
  if (!check.ok) return { view: refused(check.reason === "expired" ? 410 : check.reason === "signature" ? 403 : 400, check.reason === "expired" ? "This link has expired" : "This link is not valid", check.message) };
  const { personId, incidentId } = check.claims;
  const person = await tx.person.findUnique({ where: { id: personId }, select: { id: true, name: true, email: true, role: true, isIncidentManager: true, deactivatedAt: true, memberships: { select: { teamId: true } } } });
  const incident = await tx.incident.findUnique({ where: { id: incidentId }, select: { id: true, number: true, title: true, status: true, service: { select: { name: true } } } });
  if (!person || person.deactivatedAt || !incident) return { view: refused(404, "Nothing to acknowledge", "The incident or the person this link was made for no longer exists in Runwell.") };
  const teamIds = person.memberships.map((membership) => membership.teamId);
  // The signature proves Runwell made the link; the page proves it was made for this incident's page.
  const page = await tx.incidentPage.findFirst({ where: { incidentId, OR: [{ personId }, { personId: null, teamId: { in: teamIds } }] }, select: { id: true } });
  if (!page) return { view: refused(403, "This link is not valid", "This link is not for a page of this incident: nothing was acknowledged.") };
  const actor: PersonActor = { kind: "PERSON", id: person.id, name: person.name, email: person.email, role: person.role, isIncidentManager: person.isIncidentManager, teamIds };
  return { actor, incident: { id: incident.id, number: incident.number, title: incident.title, status: incident.status, serviceName: incident.service.name } };
}

async function stateView(tx: DbTx, actor: PersonActor, incident: NonNullable<AckLinkView["incident"]>, justNow: boolean): Promise<AckLinkView> {
  const base = { status: 200 as const, incident, personName: actor.name };
  if (incident.status === "TRIGGERED") {
    return { ...base, heading: `Acknowledge INC-${incident.number}?`, message: `You were paged for ${incident.serviceName}. Acknowledging tells everyone you are on it and stops the escalation.`, canAcknowledge: true };
  }
  const ack = await tx.incidentTimelineEntry.findFirst({ where: { incidentId: incident.id, kind: "ACKNOWLEDGED" }, orderBy: { occurredAt: "desc" }, select: { actorLabel: true, occurredAt: true } });
  const by = ack ? ` by ${ack.actorLabel} at ${ack.occurredAt.toISOString().slice(11, 16)} UTC` : "";
  return {
    ...base,
    heading: justNow ? `You acknowledged INC-${incident.number}` : `INC-${incident.number} is ${STATUS_WORDS[incident.status]}`,
    message: justNow ? `INC-${incident.number} is now acknowledged${by}. Escalation has stopped.` : `Nothing to do: it was ${incident.status === "ACKNOWLEDGED" ? "acknowledged" : `already ${STATUS_WORDS[incident.status]}`}${incident.status === "ACKNOWLEDGED" ? by : ""}.`,
    canAcknowledge: false,
  };
}

/** GET: what the link is for, and whether it can still acknowledge. Writes nothing. */
export async function inspectAckLink(db: Db, token: string, now = new Date()): Promise<AckLinkView> {
  return db.$transaction(async (tx) => {
    const resolved = await resolve(tx, token, now);
    return resolved.view ?? stateView(tx, resolved.actor, resolved.incident, false);
  });
}

/** POST: acknowledges as the paged person, in one transaction with its timeline entry and audit event. */
export async function acknowledgeFromLink(db: Db, token: string, now = new Date()): Promise<AckLinkView> {
  const view = await db.$transaction(async (tx) => {
    const resolved = await resolve(tx, token, now);
    if (resolved.view) return resolved.view;
    try {
      const moved = await moveIncident(tx, resolved.actor, resolved.incident.id, "ACKNOWLEDGED", now, "from the acknowledge link in their page");
      const incident = { ...resolved.incident, status: moved === "moved" ? ("ACKNOWLEDGED" as const) : resolved.incident.status };
      return stateView(tx, resolved.actor, incident, moved === "moved");
    } catch (error) {
      if (error instanceof AppError && error.code === "CONFLICT") return { ...refused(409, `INC-${resolved.incident.number} cannot be acknowledged`, error.message), incident: resolved.incident, personName: resolved.actor.name };
      throw error;
    }
  });
  await requestSeal(db);
  return view;
}
