// Availability reads against the run's real PostgreSQL: impact windows of incidents affecting a
// service (one incident, two services), the target history the catalogue's use cases write, the API's
// shape and its field-level 422.
import { beforeAll, describe, expect, it } from "vitest";
import { createExposureBands, createService as createServiceRow, createTeam } from "../../prisma/seed/factories";
import { createIncident } from "../../prisma/seed/incident-factories";
import { personActor, testDb, tokenActor } from "../../test/helpers";
import { createService } from "../catalog/create-service";
import { updateService } from "../catalog/update-service";
import { MINUTE } from "./availability";
import { availabilityForApi } from "./availability-for-api";
import { availabilityOfServices, serviceAvailability, serviceAvailabilityView } from "./queries";

const db = testDb;
const NOW = new Date("2026-06-01T12:00:00Z");
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * MINUTE);
let team: { id: string };

beforeAll(async () => {
  await createExposureBands(db());
  team = await createTeam(db());
});

describe("impact windows of the incidents affecting a service", () => {
  it("counts an incident against every service it affects, and overlapping ones once", async () => {
    const checkout = await createServiceRow(db(), { teamId: team.id, availabilityTarget: "P99_9", maxLossPerHour: 20_000 });
    const basket = await createServiceRow(db(), { teamId: team.id, availabilityTarget: "P99_0" });
    const bystander = await createServiceRow(db(), { teamId: team.id });
    // Both down 10:00–10:30 (one incident); checkout also 10:15–10:45 (overlap: checkout is down 45 min in all).
    await createIncident(db(), { services: [checkout, basket], lostAt: ago(120), regainedAt: ago(90) });
    await createIncident(db(), { services: [checkout], lostAt: ago(105), regainedAt: ago(75) });
    // Long before the 28 days: not read.
    await createIncident(db(), { services: [checkout], lostAt: ago(60 * 24 * 40), regainedAt: ago(60 * 24 * 40 - 30) });

    const reports = await availabilityOfServices(db(), [checkout, basket, bystander], 28, NOW);
    expect(reports.get(checkout.id)!.period.unavailableMs / MINUTE).toBe(45);
    expect(reports.get(checkout.id)!.incidents).toHaveLength(2);
    expect(reports.get(basket.id)!.period.unavailableMs / MINUTE).toBe(30);
    expect(reports.get(bystander.id)).toMatchObject({ budgetSpent: false, incidents: [] });
    // 99.9% over 28 days tolerates 40.32 min: checkout's 45 spend it; basket's 30 of 403.2 do not.
    expect(reports.get(checkout.id)!.budgetSpent).toBe(true);
    expect(reports.get(basket.id)!.budgetSpent).toBe(false);

    // The single-service read agrees with the bulk one.
    const single = await serviceAvailability(db(), checkout.slug, 28, NOW);
    expect(single!.report).toEqual(reports.get(checkout.id));
  });

  it("keeps an open incident down until now", async () => {
    const service = await createServiceRow(db(), { teamId: team.id, availabilityTarget: "P99_0" });
    await createIncident(db(), { services: [service], lostAt: ago(20), regainedAt: null });
    const view = await serviceAvailabilityView(db(), service.slug, NOW);
    expect(view!.last28.period.unavailableMs / MINUTE).toBe(20);
    expect(view!.last28.timeToRestore).toBeNull();
    // Fully down for the last 5 minutes at 99.0%: 100× — a fast burn.
    expect(view!.last28.burn).toBe("FAST");
    expect(view!.weeks).toHaveLength(13);
    expect(view!.weeks.at(-1)!.unavailableMs / MINUTE).toBe(20);
  });
});

describe("the target history", () => {
  const input = (slug: string, availabilityTarget: string, extra: Record<string, unknown> = {}) => ({
    name: `Ledger ${slug}`, slug, description: "", teamId: team.id, lifecycle: "PRODUCTION", tier: "TIER_2", maxLossPerHour: 20_000,
    availabilityTarget, deploymentTarget: "WEEKLY", repositoryUrl: "", links: [], ...extra,
  });

  it("is written by creating and editing a service, and a change applies from its date", async () => {
    const member = personActor({ teamIds: [team.id] });
    const slug = `ledger-${Date.now()}`;
    const created = await createService(db(), member, input(slug, "P99_0", { maxLossPerHour: 2_000 }));
    const history = () => db().serviceTargetChange.findMany({ where: { serviceId: created.id }, orderBy: { effectiveFrom: "asc" }, select: { target: true, effectiveFrom: true } });
    expect((await history()).map((row) => row.target)).toEqual(["P99_0"]);

    // Editing something else records no change; raising the target does, from the save.
    await updateService(db(), member, slug, input(slug, "P99_0", { maxLossPerHour: 2_000, description: "Moved on" }));
    expect(await history()).toHaveLength(1);
    const before = Date.now();
    await updateService(db(), member, slug, input(slug, "P99_9"));
    const rows = await history();
    expect(rows.map((row) => row.target)).toEqual(["P99_0", "P99_9"]);
    expect(rows[1]!.effectiveFrom.getTime()).toBeGreaterThanOrEqual(before - 1);

    // The days before the raise are held to 99.0%: a loss of 60 minutes two days ago is within that budget
    // (about 1% of 26 days ≈ 375 min + 0.1% of the 2 days since ≈ 2.9 min).
    const at = new Date();
    await createIncident(db(), { services: [{ id: created.id, teamId: team.id }], lostAt: new Date(at.getTime() - 2 * 86_400_000), regainedAt: new Date(at.getTime() - 2 * 86_400_000 + 60 * MINUTE) });
    const { report } = (await serviceAvailability(db(), slug, 28, at))!;
    expect(report.target).toBe("P99_9");
    expect(report.budgetSpent).toBe(false);
    expect(report.period.budgetMs / MINUTE).toBeGreaterThan(370);
  });

  it("stands in the service's current target for a service with no history", async () => {
    const service = await createServiceRow(db(), { teamId: team.id, availabilityTarget: "P95_0" });
    await db().serviceTargetChange.deleteMany({ where: { serviceId: service.id } });
    const { report } = (await serviceAvailability(db(), service.slug, 28, NOW))!;
    // 5% of 40,320 min.
    expect(report.period.budgetMs / MINUTE).toBeCloseTo(2016, 9);
  });
});

describe("GET /api/v1/services/{slug}/availability", () => {
  it("answers in percent and minutes, with the incidents and their links", async () => {
    const service = await createServiceRow(db(), { teamId: team.id, availabilityTarget: "P99_9", maxLossPerHour: 20_000 });
    const incident = await createIncident(db(), { services: [service], lostAt: ago(120), regainedAt: ago(90), title: "Card payments failing" });
    const answer = await availabilityForApi(db(), personActor(), service.slug, new URLSearchParams("days=28"), "https://runwell.example", NOW);
    expect(answer).toEqual({
      service: service.slug,
      target: 99.9,
      days: 28,
      // 30 of 40,320 min → 99.925595…%
      availability: 99.9256,
      budgetMinutes: 40.32,
      budgetUsedMinutes: 30,
      budgetLeftMinutes: 10.32,
      // 1 h: nothing (it ended 90 min ago); 6 h: 30 / 360 / 0.001 = 83.33; 3 d: 30 / 4,320 / 0.001 = 6.94.
      burnRates: { "1h": 0, "6h": 83.33, "3d": 6.94 },
      timeToRestoreMinutes: { p50: 30, max: 30 },
      incidents: [{
        id: incident.id, number: `INC-${incident.number}`, title: "Card payments failing",
        availabilityLostAt: ago(120).toISOString(), availabilityRegainedAt: ago(90).toISOString(), minutesInPeriod: 30,
        url: `https://runwell.example/incidents/${incident.id}`,
      }],
    });
    // Left out, days is 28.
    expect((await availabilityForApi(db(), personActor(), service.slug, new URLSearchParams(), "https://x", NOW)).days).toBe(28);
  });

  it.each(["0", "91", "7.5", "abc", "-3"])("refuses days=%s with a field-level 422", async (days) => {
    const service = await createServiceRow(db(), { teamId: team.id });
    await expect(availabilityForApi(db(), personActor(), service.slug, new URLSearchParams({ days }), "https://x", NOW))
      .rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { days: [expect.stringMatching(/1 to 90/)] } });
  });

  it("answers another service's token as it answers an unknown slug, and needs incidents:read", async () => {
    const service = await createServiceRow(db(), { teamId: team.id });
    const other = await createServiceRow(db(), { teamId: team.id });
    const foreign = tokenActor({ scopes: ["incidents:read"], serviceId: other.id });
    await expect(availabilityForApi(db(), foreign, service.slug, new URLSearchParams(), "https://x", NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(availabilityForApi(db(), foreign, "no-such-service", new URLSearchParams(), "https://x", NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(availabilityForApi(db(), personActor(), "no-such-service", new URLSearchParams(), "https://x", NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const own = tokenActor({ scopes: ["incidents:read"], serviceId: service.id });
    await expect(availabilityForApi(db(), own, service.slug, new URLSearchParams(), "https://x", NOW)).resolves.toMatchObject({ service: service.slug });
  });
});
