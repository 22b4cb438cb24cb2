// The risk score's inputs from the real database: an open major incident on the service (responding or
// only affected) adds its points until it is mitigated; a minor one and another service's do not.
import { describe, expect, it } from "vitest";
import { createEnvironments, createPerson, createService, createTeam } from "../../prisma/seed/factories";
import { actorFor, testDb } from "../../test/helpers";
import { changeIncidentStatus } from "../incidents/change-incident-status";
import { declareIncident } from "../incidents/declare-incident";
import { scoreChange } from "./risk-inputs";

const db = testDb;

describe("the risk score's open major incidents", () => {
  it("counts open major incidents affecting the service", async () => {
    const [production] = (await createEnvironments(db())).filter((environment) => environment.isProduction);
    const team = await createTeam(db());
    const service = await createService(db(), { teamId: team.id });
    const other = await createService(db(), { teamId: team.id });
    const manager = actorFor(await createPerson(db(), { isIncidentManager: true, teams: [{ teamId: team.id }] }));
    const change = { service: { id: service.id, slug: service.slug, teamId: team.id, tier: service.tier, domainId: null }, environmentId: production!.id, plannedStart: null, commits: 3 };
    const factor = async () => (await scoreChange(db(), change)).factors.find((f) => f.factor === "Open major incidents")!;

    expect(await factor()).toEqual({ factor: "Open major incidents", points: 0, explanation: "No open major incident on the service." });
    await declareIncident(db(), manager, { services: [service.slug], title: "Minor blip", impact: "LOW" });
    await declareIncident(db(), manager, { services: [other.slug], title: "Elsewhere", impact: "HIGH" });
    expect((await factor()).points).toBe(0);
    // Affected, not responding: it still counts.
    const major = await declareIncident(db(), manager, { services: [other.slug, service.slug], title: "Both down", impact: "HIGH" });
    expect(await factor()).toMatchObject({ points: 15, explanation: expect.stringMatching(/^1 open major incident on the service/) });
    await changeIncidentStatus(db(), manager, { incidentId: major.id, action: "acknowledge" });
    expect((await factor()).points).toBe(15);
    await changeIncidentStatus(db(), manager, { incidentId: major.id, action: "resolve" });
    expect((await factor()).points).toBe(0);
  });
});
