// Work that enters a backlog by itself, idempotently: a published review's actions (at the top, one
// item per action, however often the event is delivered) and a LOW-impact incident (at the bottom, one
// item per incident, whether it was raised LOW or revised to LOW).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createPerson, createService, createTeam } from "../../prisma/seed/factories";
import { createIncident } from "../../prisma/seed/incident-factories";
import { actorFor, personActor, testDb } from "../../test/helpers";
import type { DomainEventRecord, EventPayload, EventType } from "../events/catalogue";
import { createBacklogItem } from "./create-backlog-item";
import { backlogEvents, RESTORE_PREFIX } from "./on-backlog-events";
import { improvementActions, teamBacklog } from "./queries";

const db = testDb;
const NOW = new Date("2026-12-04T10:00:00Z");

function record<T extends EventType>(type: T, payload: EventPayload<T>): DomainEventRecord {
  return { seq: 1n, id: randomUUID(), type, entityType: "X", entityId: "x", serviceId: null, teamId: null, payload, occurredAt: NOW };
}
const deliver = (event: DomainEventRecord) => db().$transaction((tx) => backlogEvents.handle(event, { tx, enqueue: async () => {} }));

let team: { id: string; slug: string; name: string };
let service: { id: string; slug: string; name: string };
let owner: { id: string; name: string };

beforeAll(async () => {
  team = await createTeam(db());
  service = await createService(db(), { teamId: team.id });
  const person = await createPerson(db(), { teams: [{ teamId: team.id }] });
  owner = person;
  await createBacklogItem(db(), actorFor(person), { teamSlug: team.slug, title: "Existing top item", type: "PRODUCT", estimate: 5 }, NOW);
});

const incidentPayload = (incident: { id: string; number: number }, impact: "LOW" | "MEDIUM" | "HIGH", title: string) => ({
  id: incident.id, number: incident.number, title, impact, major: impact === "HIGH", status: "TRIGGERED" as const,
  service: { id: service.id, slug: service.slug, name: service.name }, services: [{ id: service.id, slug: service.slug, name: service.name }],
  team: { id: team.id, name: team.name }, href: `/incidents/${incident.id}`,
});

describe("a published review's actions", () => {
  it("become incident-action items at the top of the team's backlog, once", async () => {
    const incident = await createIncident(db(), { services: [{ id: service.id, teamId: team.id }], lostAt: new Date("2026-11-01T10:00:00Z"), regainedAt: new Date("2026-11-01T11:00:00Z"), impact: "HIGH" });
    const review = await db().postIncidentReview.create({
      data: { incidentId: incident.id, serviceId: service.id, teamId: team.id, title: "Checkout outage", status: "PUBLISHED", dueAt: NOW, scheduledAt: NOW, publishedAt: new Date("2026-11-10T10:00:00Z") },
      select: { id: true, number: true },
    });
    const earlier = await db().reviewAction.create({ data: { reviewId: review.id, title: "Alert on card declines" }, select: { id: true } });
    const a1 = await db().reviewAction.create({ data: { reviewId: review.id, title: "Add a circuit breaker", ownerId: owner.id, dueAt: new Date("2026-11-20T00:00:00Z"), repeatOfId: earlier.id }, select: { id: true } });
    const a2 = await db().reviewAction.create({ data: { reviewId: review.id, title: "Runbook for the card gateway" }, select: { id: true } });
    const event = record("review.published", {
      review: { id: review.id, number: review.number, title: "Checkout outage", href: `/reviews/${review.id}` },
      service: { id: service.id, slug: service.slug, name: service.name }, team: { id: team.id, name: team.name },
      actions: [
        { id: a1.id, title: "Add a circuit breaker", ownerId: owner.id, dueAt: "2026-11-20T00:00:00.000Z" },
        { id: a2.id, title: "Runbook for the card gateway", ownerId: null, dueAt: null },
      ],
      by: { id: null, name: "Runwell" },
    });
    await deliver(event);
    await deliver(event); // at least once: a second delivery adds nothing
    const items = await db().backlogItem.findMany({ where: { teamId: team.id }, orderBy: { rank: "asc" }, select: { title: true, type: true, subtype: true, source: true, ownerId: true, dueAt: true, incidentId: true, serviceId: true, reviewActionId: true } });
    expect(items.map((i) => i.title)).toEqual(["Add a circuit breaker", "Runbook for the card gateway", "Existing top item"]);
    expect(items[0]).toEqual({ title: "Add a circuit breaker", type: "OPERATIONAL", subtype: "INCIDENT_ACTION", source: "REVIEW_ACTION", ownerId: owner.id, dueAt: new Date("2026-11-20T00:00:00Z"), incidentId: incident.id, serviceId: service.id, reviewActionId: a1.id });

    const actions = await improvementActions(db(), [team.id], NOW);
    const breaker = actions.find((a) => a.item.title === "Add a circuit breaker")!;
    expect(breaker).toMatchObject({ overdue: true, stuck: false, leadTimeDays: null, review: { number: review.number }, repeatOf: { title: "Alert on card declines" } });
    const view = await teamBacklog(db(), personActor(), team.slug, NOW);
    expect(view!.open[0]!.action).toMatchObject({ overdue: true, repeatOf: { title: "Alert on card declines" } });
  });
});

describe("a LOW-impact incident", () => {
  it("raised LOW: one reliability item at the bottom, once", async () => {
    const incident = await createIncident(db(), { services: [{ id: service.id, teamId: team.id }], lostAt: NOW, regainedAt: null, impact: "LOW", title: "Slow receipts" });
    const event = record("incident.triggered", { incident: incidentPayload(incident, "LOW", "Slow receipts"), source: "PORTAL", by: { id: null, name: "Runwell" } });
    await deliver(event);
    await deliver(event);
    await deliver(record("incident.impact-changed", { incident: incidentPayload(incident, "LOW", "Slow receipts"), from: "MEDIUM", reason: "Only a few", by: { id: null, name: "Runwell" } }));
    const items = await db().backlogItem.findMany({ where: { incidentId: incident.id }, select: { title: true, type: true, subtype: true, source: true, serviceId: true } });
    expect(items).toEqual([{ title: `${RESTORE_PREFIX}Slow receipts`, type: "OPERATIONAL", subtype: "RELIABILITY", source: "INCIDENT", serviceId: service.id }]);
    const last = await db().backlogItem.findFirst({ where: { teamId: team.id }, orderBy: { rank: "desc" }, select: { title: true } });
    expect(last!.title).toBe(`${RESTORE_PREFIX}Slow receipts`);
  });

  it("revised to LOW: one item; a MEDIUM or HIGH incident: none", async () => {
    const incident = await createIncident(db(), { services: [{ id: service.id, teamId: team.id }], lostAt: NOW, regainedAt: null, impact: "MEDIUM", title: "Odd totals" });
    await deliver(record("incident.triggered", { incident: incidentPayload(incident, "MEDIUM", "Odd totals"), source: "API", by: { id: null, name: "Runwell" } }));
    expect(await db().backlogItem.count({ where: { incidentId: incident.id } })).toBe(0);
    await deliver(record("incident.impact-changed", { incident: incidentPayload(incident, "LOW", "Odd totals"), from: "MEDIUM", reason: "A few carts", by: { id: null, name: "Runwell" } }));
    await deliver(record("incident.impact-changed", { incident: incidentPayload(incident, "LOW", "Odd totals"), from: "MEDIUM", reason: "A few carts", by: { id: null, name: "Runwell" } }));
    expect(await db().backlogItem.count({ where: { incidentId: incident.id, source: "INCIDENT" } })).toBe(1);
  });
});
