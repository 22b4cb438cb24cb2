// The product manager's overview against the run's real PostgreSQL: one team's services with their
// availability, budget and DORA over 28 days, and the out-of-hours load of its incidents' pages.
import { beforeAll, describe, expect, it } from "vitest";
import { createDeploymentHistory } from "../../prisma/seed/change-factories";
import { createEnvironments, createExposureBands, createPerson, createService, createTeam } from "../../prisma/seed/factories";
import { createIncident } from "../../prisma/seed/incident-factories";
import { testDb } from "../../test/helpers";
import { MINUTE } from "../reliability/availability";
import { outOfHoursLoad, productManagerOverview } from "./product-manager-overview";

const db = testDb;
const NOW = new Date("2026-06-01T12:00:00Z");
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * MINUTE);

describe("out-of-hours load", () => {
  it("counts callouts, people and disturbed nights (a night runs into the next morning)", () => {
    const load = outOfHoursLoad([
      { personId: "kenji", pagedAt: new Date("2026-05-20T23:10:00Z") },
      { personId: "kenji", pagedAt: new Date("2026-05-21T03:40:00Z") }, // the same night
      { personId: "erin", pagedAt: new Date("2026-05-23T20:00:00Z") },
      { personId: null, pagedAt: new Date("2026-05-23T21:00:00Z") }, // a team page: nobody in particular
    ]);
    expect(load).toEqual({ callouts: 4, people: 2, disturbedDays: 2 });
  });
});

describe("a product manager's teams", () => {
  let teamId: string;
  let otherTeamId: string;
  beforeAll(async () => {
    await createExposureBands(db());
    teamId = (await createTeam(db(), { name: "Overview Team" })).id;
    otherTeamId = (await createTeam(db())).id;
  });

  it("reads each service's availability, budget, time to restore and deployments against its targets", async () => {
    const [production] = (await createEnvironments(db(), [{ slug: "production", name: "Production", isProduction: true }])).filter((e) => e.isProduction);
    const checkout = await createService(db(), { teamId, name: "Overview Checkout", availabilityTarget: "P99_9", deploymentTarget: "WEEKLY" });
    const search = await createService(db(), { teamId, name: "Overview Search", availabilityTarget: "P99_0", deploymentTarget: "DAILY" });
    const elsewhere = await createService(db(), { teamId: otherTeamId });
    // Checkout: 50 minutes down (spends 99.9%'s 40.32 min), restored in 50; Search untouched.
    const incident = await createIncident(db(), { services: [checkout], lostAt: ago(300), regainedAt: ago(250) });
    await createIncident(db(), { services: [elsewhere], lostAt: ago(100), regainedAt: ago(90) });
    // Checkout deploys 8 times in 28 days (2/week: meets weekly), one rolled back; Search twice (misses daily).
    await createDeploymentHistory(db(), { serviceId: checkout.id, environmentId: production!.id, now: NOW, entries: [1, 4, 7, 10, 13, 16, 19, 22].map((daysAgo, i) => ({ status: i === 0 ? "ROLLED_BACK" : "SUCCEEDED", daysAgo })) });
    await createDeploymentHistory(db(), { serviceId: search.id, environmentId: production!.id, now: NOW, entries: [{ status: "SUCCEEDED", daysAgo: 2 }, { status: "SUCCEEDED", daysAgo: 9 }] });
    const kenji = await createPerson(db());
    await db().incidentPage.createMany({
      data: [
        { incidentId: incident.id, personId: kenji.id, level: 0, reason: "primary", outOfHours: true, pagedAt: ago(300) },
        { incidentId: incident.id, personId: null, teamId, level: 2, reason: "team", outOfHours: false, pagedAt: ago(290) },
      ],
    });

    const [team, ...rest] = await productManagerOverview(db(), [teamId], NOW);
    expect(rest).toEqual([]);
    expect(team).toMatchObject({ name: "Overview Team", outOfHours: { callouts: 1, people: 1, disturbedDays: 1 } });
    const byName = new Map(team!.services.map((service) => [service.name, service]));
    expect([...byName.keys()]).toEqual(["Overview Checkout", "Overview Search"]);
    const c = byName.get("Overview Checkout")!;
    expect(c.availability.period.unavailableMs / MINUTE).toBe(50);
    expect(c.availability.budgetSpent).toBe(true);
    // 99.9% over 28 days tolerates 40.32 minutes: 9.68 over.
    expect(c.availability.budgetLeftMs / MINUTE).toBeCloseTo(40.32 - 50, 6);
    expect(c.availability.timeToRestore).toMatchObject({ p50Ms: 50 * MINUTE, count: 1 });
    expect(c.dora).toMatchObject({ deployments: 8, meetsTarget: true, changeFailureRate: 1 / 8 });
    const s = byName.get("Overview Search")!;
    expect(s.availability).toMatchObject({ budgetSpent: false, timeToRestore: null });
    expect(s.availability.period.onTarget).toBe(true);
    expect(s.dora).toMatchObject({ deployments: 2, meetsTarget: false });
  });

  it("reads nothing for a person in no team", async () => {
    expect(await productManagerOverview(db(), [], NOW)).toEqual([]);
  });
});
