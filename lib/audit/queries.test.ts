// The audit page's reads: derived service and team filters, and keyset paging.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEnvironments, createService, createTeam } from "../../prisma/seed/factories";
import { cliTestActor, personActor, testDb } from "../../test/helpers";
import { actorForBearerToken } from "../auth/api-tokens";
import type { Actor } from "../auth/actor";
import { reportDeployment } from "../deployments/report-deployment";
import { createApiToken } from "../tokens/create-api-token";
import { auditFilterOptions, listAuditEvents, ZAuditFilters } from "./queries";

const prisma = testDb();
const changeManager = personActor({ role: "CHANGE_MANAGER" });
afterAll(() => prisma.$disconnect());
beforeAll(async () => {
  await createEnvironments(prisma);
});

const list = (filters: Record<string, string>) => listAuditEvents(prisma, changeManager, ZAuditFilters.parse(filters));

describe("service and team filters", () => {
  it("find the service's own events and those of things that belong to it, and nothing of other services", async () => {
    const team = await createTeam(prisma);
    const [service, sibling] = [await createService(prisma, { teamId: team.id }), await createService(prisma, { teamId: team.id })];
    const other = await createService(prisma);
    const token = await createApiToken(prisma, cliTestActor(), { service: service.slug, name: "ci", scopes: ["deployments:write"] });
    const actor = (await actorForBearerToken(token.secret)) as Actor;
    const deployment = await reportDeployment(prisma, actor, {
      service: service.slug, environment: "production", version: "1.0.0", externalId: `run-${randomBytes(4).toString("hex")}`,
      status: "started", startedAt: "2026-11-20T10:00:00Z", commits: [],
    });

    const ofService = (await list({ service: service.slug })).events;
    // A production deployment without an approved change is also flagged for the change manager.
    expect(ofService.map((event) => `${event.entityType}:${event.action}`).sort()).toEqual([
      "ApiToken:api-token.create", "Deployment:deployment.flagged", "Deployment:deployment.report", "Service:service.create",
    ]);
    expect(ofService.filter((event) => event.entityType === "Deployment").map((event) => event.entityId)).toEqual([deployment.id, deployment.id]);

    const ofTeam = (await list({ team: team.slug })).events.map((event) => event.entityId);
    expect(ofTeam).toEqual(expect.arrayContaining([team.id, service.id, sibling.id, deployment.id]));
    expect(ofTeam).not.toContain(other.id);

    expect((await list({ service: service.slug, entityType: "Deployment" })).events).toHaveLength(2); // reported and flagged
  });

  it("offers entity types, actions, services and teams in the filter menus", async () => {
    const options = await auditFilterOptions(prisma);
    expect(options.entityTypes).toEqual(expect.arrayContaining(["Service", "Team"]));
    expect(options.entityTypes).toEqual([...options.entityTypes].sort((a, b) => a.localeCompare(b)));
    expect(options.actions).toContain("service.create");
    expect(options.teams.length).toBeGreaterThan(0);
    // Every service while the organisation is small; in a large one (this shared test database may be),
    // the chosen team's services only.
    const team = await createTeam(prisma);
    const service = await createService(prisma, { teamId: team.id });
    const ofTeam = await auditFilterOptions(prisma, { team: team.slug });
    expect(ofTeam.services.map((option) => option.slug)).toContain(service.slug);
    if (ofTeam.servicesNarrowed) expect(ofTeam.services.map((option) => option.slug)).toEqual([service.slug]);
    else expect((await auditFilterOptions(prisma)).services.map((option) => option.slug)).toContain(service.slug);
  });
});

describe("keyset paging", () => {
  it("walks every page newest first, without repeats or gaps, even where events share a timestamp", async () => {
    const entityId = `page-${randomBytes(6).toString("hex")}`;
    const base = Date.UTC(2026, 0, 1);
    await prisma.auditEvent.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        occurredAt: new Date(base + Math.floor(i / 3) * 1000), actorLabel: "bulk", actorKind: "SYSTEM", action: "test.page", entityType: "Environment", entityId,
      })),
    });
    const seen: string[] = [];
    let before: string | undefined;
    let pages = 0;
    do {
      const page = await list({ entityId, ...(before ? { before } : {}) });
      seen.push(...page.events.map((event) => event.id));
      before = page.nextCursor ?? undefined;
      pages += 1;
    } while (before);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(120);
    const times = (await prisma.auditEvent.findMany({ where: { entityId }, select: { id: true, occurredAt: true } }));
    const at = new Map(times.map((row) => [row.id, row.occurredAt.getTime()]));
    expect(seen.map((id) => at.get(id)!)).toEqual([...seen.map((id) => at.get(id)!)].sort((a, b) => b - a));
  });

  it("is refused to an engineer", async () => {
    await expect(listAuditEvents(prisma, personActor({ role: "ENGINEER" }), ZAuditFilters.parse({}))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
