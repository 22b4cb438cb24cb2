// Hypothesis use cases against the run's PostgreSQL: who may write and decide, field errors that write
// nothing, the date rule, linking in the portal and through the deployment report, and the costs read.
import { beforeAll, describe, expect, it } from "vitest";
import { createEnvironments, createPerson, createService, createTeam } from "../../prisma/seed/factories";
import { createIncident } from "../../prisma/seed/incident-factories";
import { cliTestActor, personActor, testDb } from "../../test/helpers";
import type { PersonActor } from "../auth/actor";
import { AppError } from "../errors";
import { reportDeployment } from "../deployments/report-deployment";
import { createHypothesis } from "./create-hypothesis";
import { linkDeployment } from "./link-deployment";
import { hypothesesDue, hypothesesOfService, hypothesisPage } from "./queries";
import { recordHypothesisResult } from "./record-hypothesis-result";

const db = testDb;
const NOW = new Date("2026-12-04T10:00:00Z");
const errorOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as AppError);

let team: { id: string; slug: string };
let otherTeam: { id: string; slug: string };
let pm: PersonActor;
let service: Awaited<ReturnType<typeof createService>>;
let otherService: Awaited<ReturnType<typeof createService>>;
let run = 0;

async function deploy(slug: string, environment = "production", extra: Record<string, unknown> = {}) {
  run += 1;
  return reportDeployment(db(), cliTestActor(), {
    service: slug, environment, version: `1.${run}.0`, externalId: `hyp-run-${run}`, status: "succeeded",
    startedAt: "2026-11-20T10:00:00Z", finishedAt: "2026-11-20T10:05:00Z", ...extra,
  }, NOW);
}

const sentence = (overrides: Record<string, unknown> = {}) => ({
  service: service.slug, capability: "one-click reorder", outcome: "more repeat orders", metric: "the weekly repeat-order rate",
  amount: "+5 percentage points", measureBy: "2027-01-15", ...overrides,
});

beforeAll(async () => {
  await createEnvironments(db());
  team = await createTeam(db());
  otherTeam = await createTeam(db());
  const person = await createPerson(db(), { role: "PRODUCT_MANAGER", teams: [{ teamId: team.id }] });
  pm = personActor({ id: person.id, role: "PRODUCT_MANAGER", teamIds: [team.id] });
  service = await createService(db(), { teamId: team.id, availabilityTarget: "P99_9" });
  otherService = await createService(db(), { teamId: otherTeam.id });
});

describe("createHypothesis", () => {
  it("lets the owning team's product manager write one, owned by them, with its audit sentence", async () => {
    const created = await createHypothesis(db(), pm, sentence(), NOW);
    const row = await db().hypothesis.findUniqueOrThrow({ where: { id: created.id }, select: { ownerId: true, measureBy: true } });
    expect(row).toEqual({ ownerId: pm.id, measureBy: new Date("2027-01-15T00:00:00Z") });
    const events = await db().auditEvent.findMany({ where: { entityId: created.id }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(["hypothesis.create"]);
  });

  it("refuses engineers, and product managers of another team", async () => {
    expect((await errorOf(createHypothesis(db(), personActor({ teamIds: [team.id] }), sentence(), NOW)))?.status).toBe(403);
    expect((await errorOf(createHypothesis(db(), personActor({ role: "PRODUCT_MANAGER", teamIds: [otherTeam.id] }), sentence(), NOW)))?.status).toBe(403);
  });

  it("names each missing part of the sentence and a past date, and writes nothing", async () => {
    const before = await db().hypothesis.count({ where: { serviceId: service.id } });
    const error = await errorOf(createHypothesis(db(), pm, sentence({ capability: "", outcome: "x", metric: "", amount: "a lot", measureBy: "tomorrow" }), NOW));
    expect(error?.status).toBe(422);
    expect(Object.keys(error!.fieldErrors).sort()).toEqual(["amount", "capability", "measureBy", "metric", "outcome"]);
    const late = await errorOf(createHypothesis(db(), pm, sentence({ measureBy: "2026-11-01" }), NOW));
    expect(late?.fieldErrors.measureBy?.[0]).toMatch(/from today on/);
    const owner = await errorOf(createHypothesis(db(), pm, sentence({ ownerId: "someone-else" }), NOW));
    expect(owner?.fieldErrors.ownerId?.[0]).toMatch(/product manager of the team/);
    expect(await db().hypothesis.count({ where: { serviceId: service.id } })).toBe(before);
  });
});

describe("linking releases and recording the result", () => {
  it("links a production release once, refuses other services' and non-production ones", async () => {
    const { id } = await createHypothesis(db(), pm, sentence(), NOW);
    const release = await deploy(service.slug);
    expect(await linkDeployment(db(), pm, { hypothesisId: id, deploymentId: release.id })).toEqual({ linked: true });
    expect(await linkDeployment(db(), pm, { hypothesisId: id, deploymentId: release.id })).toEqual({ linked: false });
    const foreign = await deploy(otherService.slug);
    const staging = await deploy(service.slug, "staging");
    for (const deploymentId of [foreign.id, staging.id, "nope"]) {
      expect((await errorOf(linkDeployment(db(), pm, { hypothesisId: id, deploymentId })))?.fieldErrors.deploymentId).toBeDefined();
    }
    expect(await db().hypothesisDeployment.count({ where: { hypothesisId: id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { entityId: id, action: "hypothesis.link-deployment" } })).toBe(1);
  });

  it("refuses a result before the date with a clear message, needs evidence, and records it once after", async () => {
    const { id } = await createHypothesis(db(), pm, sentence({ measureBy: "2026-12-20" }), NOW);
    const early = await errorOf(recordHypothesisResult(db(), pm, { hypothesisId: id, result: "VALIDATED", evidence: "Repeat orders up from 12% to 18%." }, NOW));
    expect(early?.status).toBe(422);
    expect(early?.message).toMatch(/from 2026-12-20 on/);
    const after = new Date("2026-12-21T09:00:00Z");
    const bare = await errorOf(recordHypothesisResult(db(), pm, { hypothesisId: id, result: "VALIDATED", evidence: "" }, after));
    expect(bare?.fieldErrors.evidence).toBeDefined();
    await recordHypothesisResult(db(), pm, { hypothesisId: id, result: "VALIDATED", evidence: "Repeat orders up from 12% to 18%." }, after);
    const again = await errorOf(recordHypothesisResult(db(), pm, { hypothesisId: id, result: "INVALIDATED", evidence: "Changed my mind entirely." }, after));
    expect(again?.message).toMatch(/already recorded/);
    const row = await db().hypothesis.findUniqueOrThrow({ where: { id }, select: { result: true, decidedById: true, decidedAt: true } });
    expect(row).toEqual({ result: "VALIDATED", decidedById: pm.id, decidedAt: after });
  });
});

describe("the deployment report's hypothesis field", () => {
  it("links by HYP-n or id; unknown or another service's is a 422 with nothing written; replays are idempotent", async () => {
    const { id, number } = await createHypothesis(db(), pm, sentence(), NOW);
    const theirs = await createHypothesis(db(), personActor({ role: "PRODUCT_MANAGER", id: (await createPerson(db(), { role: "PRODUCT_MANAGER", teams: [{ teamId: otherTeam.id }] })).id, teamIds: [otherTeam.id] }), sentence({ service: otherService.slug }), NOW);
    const deployments = () => db().deployment.count({ where: { serviceId: service.id } });
    const count = await deployments();
    for (const ref of ["HYP-999999999", `HYP-${theirs.number}`, theirs.id, "not-a-thing"]) {
      const error = await errorOf(deploy(service.slug, "production", { hypothesis: ref }));
      expect(error?.status, ref).toBe(422);
      expect(error?.fieldErrors.hypothesis, ref).toBeDefined();
    }
    expect(await deployments()).toBe(count);
    run += 1;
    const body = { service: service.slug, environment: "production", version: "2.0.0", externalId: `hyp-replay-${run}`, status: "succeeded" as const, startedAt: "2026-11-22T10:00:00Z", finishedAt: "2026-11-22T10:05:00Z", hypothesis: `hyp-${number}` };
    const first = await reportDeployment(db(), cliTestActor(), body, NOW);
    await reportDeployment(db(), cliTestActor(), body, NOW);
    const byId = await deploy(service.slug, "production", { hypothesis: id });
    const links = await db().hypothesisDeployment.findMany({ where: { hypothesisId: id }, select: { deploymentId: true } });
    expect(links.map((l) => l.deploymentId).sort()).toEqual([first.id, byId.id].sort());
    expect(await db().auditEvent.count({ where: { entityId: id, action: "hypothesis.link-deployment" } })).toBe(2);
    // A staging report names it harmlessly.
    const staging = await deploy(service.slug, "staging", { hypothesis: `HYP-${number}` });
    expect(await db().hypothesisDeployment.count({ where: { deploymentId: staging.id } })).toBe(0);
  });
});

describe("reads", () => {
  it("lists each release's budget cost from the incidents it caused, and the hypotheses due", async () => {
    const svc = await createService(db(), { teamId: team.id, availabilityTarget: "P99_9" });
    const { id, number } = await createHypothesis(db(), pm, { ...sentence({ service: svc.slug, measureBy: "2026-12-04" }) }, NOW);
    const release = await deploy(svc.slug);
    await linkDeployment(db(), pm, { hypothesisId: id, deploymentId: release.id });
    await createIncident(db(), { services: [svc], lostAt: new Date("2026-11-20T11:00:00Z"), regainedAt: new Date("2026-11-20T11:20:00Z"), causeDeploymentId: release.id });
    const [view] = await hypothesesOfService(db(), svc, NOW);
    expect(view?.status).toBe("DUE");
    expect(view?.releases[0]?.cost.minutes).toBe(20);
    expect(view?.releases[0]?.cost.budgetMinutes).toBe(40.3);
    expect(view?.releases[0]?.cost.share).toBeCloseTo(20 / 40.32, 6);
    const page = await hypothesisPage(db(), svc.slug, number, NOW);
    expect(page?.choices.map((c) => c.id)).not.toContain(release.id);
    const due = await hypothesesDue(db(), [team.id], NOW);
    expect(due.map((d) => d.id)).toContain(id);
    expect((await hypothesesDue(db(), [otherTeam.id], NOW)).map((d) => d.id)).not.toContain(id);
  });
});
