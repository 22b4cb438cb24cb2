// Work that enters a backlog by itself. A published review's actions become OPERATIONAL / incident-action
// items of the review's team, at the TOP of its priority order (they are what the team learnt it must
// improve); a LOW-impact incident becomes one OPERATIONAL / reliability item "Restore when possible: …"
// of the responding team, at the BOTTOM (the team restores it when it can, and moves it up if it must).
// Idempotent: one item per review action (reviewActionId is unique) and one per incident and source.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { DbTx } from "../db";
import { parseEvent, type EventPayload } from "../events/catalogue";
import type { Subscriber } from "../events/subscribers";
import { lockBacklog } from "./backlog-access";
import { ranksAtBottom, ranksAtTop } from "./ranks";

export const BACKLOG_ACTOR: Actor = { kind: "SYSTEM", label: "backlog" };
export const RESTORE_PREFIX = "Restore when possible: ";

export async function addReviewActionItems(tx: DbTx, published: EventPayload<"review.published">): Promise<number> {
  if (published.actions.length === 0) return 0;
  const ids = published.actions.map((action) => action.id);
  const [review, actions, existing] = await Promise.all([
    tx.postIncidentReview.findUnique({ where: { id: published.review.id }, select: { incidentId: true, serviceId: true, teamId: true } }),
    tx.reviewAction.findMany({ where: { id: { in: ids }, reviewId: published.review.id }, select: { id: true, description: true } }),
    tx.backlogItem.findMany({ where: { reviewActionId: { in: ids } }, select: { reviewActionId: true } }),
  ]);
  if (!review) return 0;
  const known = new Map(actions.map((action) => [action.id, action]));
  const done = new Set(existing.map((item) => item.reviewActionId));
  const fresh = published.actions.filter((action) => known.has(action.id) && !done.has(action.id));
  if (fresh.length === 0) return 0;
  const owners = new Set((await tx.person.findMany({ where: { id: { in: fresh.flatMap((a) => (a.ownerId ? [a.ownerId] : [])) } }, select: { id: true } })).map((p) => p.id));
  await lockBacklog(tx, review.teamId);
  const ranks = await ranksAtTop(tx, review.teamId, fresh.length);
  for (const [index, action] of fresh.entries()) {
    const item = await tx.backlogItem.create({
      data: {
        teamId: review.teamId, type: "OPERATIONAL", subtype: "INCIDENT_ACTION", title: action.title.slice(0, 200), description: known.get(action.id)!.description,
        rank: ranks[index]!, source: "REVIEW_ACTION", reviewActionId: action.id, incidentId: review.incidentId, serviceId: review.serviceId,
        ownerId: action.ownerId && owners.has(action.ownerId) ? action.ownerId : null, dueAt: action.dueAt ? new Date(action.dueAt) : null,
      },
      select: { id: true, number: true },
    });
    await recordAuditEvent(tx, BACKLOG_ACTOR, {
      action: "backlog.add-action-item", entityType: "BacklogItem", entityId: item.id,
      after: { name: `BL-${item.number} '${action.title.slice(0, 200)}'`, teamId: review.teamId, reviewId: published.review.id, review: `PIR-${published.review.number}` },
    });
  }
  return fresh.length;
}

type IncidentPayload = EventPayload<"incident.triggered">["incident"];

export async function addLowIncidentItem(tx: DbTx, incident: IncidentPayload): Promise<boolean> {
  if (incident.impact !== "LOW") return false;
  const exists = await tx.backlogItem.findFirst({ where: { incidentId: incident.id, source: "INCIDENT" }, select: { id: true } });
  if (exists) return false;
  const row = await tx.incident.findUnique({ where: { id: incident.id }, select: { teamId: true, serviceId: true, service: { select: { teamId: true } } } });
  if (!row) return false;
  await lockBacklog(tx, row.teamId);
  const [rank] = await ranksAtBottom(tx, row.teamId, 1);
  const title = `${RESTORE_PREFIX}${incident.title}`.slice(0, 200);
  const item = await tx.backlogItem.create({
    data: {
      teamId: row.teamId, type: "OPERATIONAL", subtype: "RELIABILITY", title, rank: rank!, source: "INCIDENT", incidentId: incident.id,
      serviceId: row.service.teamId === row.teamId ? row.serviceId : null,
      description: `INC-${incident.number} on ${incident.service.name} has low impact: it is restored in working hours, when the team can.`,
    },
    select: { id: true, number: true },
  });
  await recordAuditEvent(tx, BACKLOG_ACTOR, { action: "backlog.add-incident-item", entityType: "BacklogItem", entityId: item.id, after: { name: `BL-${item.number} '${title}'`, teamId: row.teamId, incidentId: incident.id } });
  return true;
}

export const backlogEvents: Subscriber = {
  name: "backlog:items",
  keepsRecords: true,
  types: ["review.published", "incident.triggered", "incident.impact-changed"],
  async handle(event, { tx }) {
    const published = parseEvent(event, "review.published");
    if (published) {
      await addReviewActionItems(tx, published);
      return;
    }
    const incident = (parseEvent(event, "incident.triggered") ?? parseEvent(event, "incident.impact-changed"))?.incident;
    if (incident) await addLowIncidentItem(tx, incident);
  },
};
