// A page of audit events in words against the run's PostgreSQL: names are the things' current names,
// read with one query per entity type however many rows the page has.
import { afterAll, describe, expect, it } from "vitest";
import { createPerson, createService, createTeam } from "../../prisma/seed/factories";
import { actorFor, adminActor, testDb } from "../../test/helpers";
import type { Db } from "../db";
import { updateService } from "../catalog/update-service";
import { listEntityHistory } from "./queries";
import { describeAuditEvents } from "./describe-audit-events";
import { recordAuditEvent } from "./record-audit-event";
import { sentenceText } from "./sentence-kit";

const prisma = testDb();
afterAll(() => prisma.$disconnect());

/** The client, counting the reads of each model (describeAuditEvents reads names through models only). */
function counting(db: Db) {
  const reads = new Map<string, number>();
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop !== "string" || !value || typeof value !== "object" || !("findMany" in value)) return value;
      return new Proxy(value, {
        get(model, method, modelReceiver) {
          const fn = Reflect.get(model, method, modelReceiver);
          if (method !== "findMany" || typeof fn !== "function") return fn;
          return (...args: unknown[]) => {
            reads.set(prop, (reads.get(prop) ?? 0) + 1);
            return fn.apply(model, args);
          };
        },
      });
    },
  });
  return { db: proxy, reads };
}

describe("describeAuditEvents", () => {
  it("names 100 rows of several services, teams and people with one query per entity type, by their current names", async () => {
    const [teamA, teamB] = [await createTeam(prisma), await createTeam(prisma)];
    const services = [await createService(prisma, { teamId: teamA.id }), await createService(prisma, { teamId: teamA.id }), await createService(prisma, { teamId: teamB.id })];
    const people = [await createPerson(prisma, { role: "PRODUCT_MANAGER" }), await createPerson(prisma, { role: "PRODUCT_MANAGER" })];
    await prisma.$transaction(async (tx) => {
      for (let i = 0; i < 100; i++) {
        const service = services[i % 3]!;
        await recordAuditEvent(tx, actorFor(people[i % 2]!), {
          action: "service.transfer", entityType: "Service", entityId: service.id,
          before: { teamId: teamA.id, maxLossPerHour: i }, after: { teamId: teamB.id, maxLossPerHour: i + 1 },
        });
      }
    });
    // Renamed after the events: the trail says what the things are called now.
    await prisma.service.update({ where: { id: services[0]!.id }, data: { name: "Renamed Points" } });
    const events = await prisma.auditEvent.findMany({
      where: { entityId: { in: services.map((service) => service.id) }, action: "service.transfer" },
      select: { id: true, actorId: true, actorLabel: true, actorKind: true, action: true, entityType: true, entityId: true, before: true, after: true },
      orderBy: { id: "asc" },
    });
    expect(events).toHaveLength(100);

    const { db, reads } = counting(prisma);
    const described = await describeAuditEvents(db, events);
    expect(Object.fromEntries(reads)).toEqual({ person: 1, service: 1, team: 1 });
    const first = described.find((event) => event.entityId === services[0]!.id && event.actorId === people[0]!.id)!;
    expect(sentenceText(first.sentence)).toMatch(new RegExp(`^${people[0]!.name} moved Renamed Points from ${teamA.name} to ${teamB.name}: exposure per hour of downtime: £\\d+ → £\\d+$`));
    expect(first.sentence.parts).toContainEqual({ text: "Renamed Points", href: `/services/${services[0]!.slug}` });
  });

  it("says an edit made through the use case on the service's history card", async () => {
    const team = await createTeam(prisma);
    const service = await createService(prisma, { teamId: team.id, name: "Loyalty Points", availabilityTarget: "P99_0", maxLossPerHour: 0 });
    const { id: _id, links: _links, archivedAt: _archivedAt, ...fields } = (await prisma.service.findUniqueOrThrow({ where: { id: service.id } })) as Record<string, unknown>;
    await updateService(prisma, adminActor(), service.slug, { ...fields, availabilityTarget: "P99_9", targetJustification: "Points are money to our customers.", links: [] });
    const [latest] = await listEntityHistory(prisma, "Service", service.id);
    expect(latest!.sentence.parts).toContainEqual({ text: "Loyalty Points", href: `/services/${service.slug}` });
    expect(sentenceText(latest!.sentence)).toBe("Test admin edited Loyalty Points: availability target: 99.0% → 99.9%; target justification: none → Points are money to our customers.");
  });
});
