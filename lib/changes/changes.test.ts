// Change control against real PostgreSQL: the gate (patterns, freezes, approved changes), the CAB
// (quorum, self-approval), emergency changes, and changes closing themselves after their deployment.
import { beforeAll, describe, expect, it } from "vitest";
import { confirmCause } from "../incidents/confirm-cause";
import { declareIncident } from "../incidents/declare-incident";
import { drainEventsOf } from "../../test/drain-events";
import { deploymentNotices } from "../deployments/event-notices";
import { createDeploymentHistory, createPattern } from "../../prisma/seed/change-factories";
import { createEnvironments, createPerson, createService, createTeam } from "../../prisma/seed/factories";
import { actorFor, cliTestActor, systemTestActor, testDb } from "../../test/helpers";
import { actorForBearerToken } from "../auth/api-tokens";
import type { Actor } from "../auth/actor";
import { reportDeployment } from "../deployments/report-deployment";
import { reportHealthCheck } from "../deployments/report-health-check";
import { createApiToken } from "../tokens/create-api-token";
import { decideChange } from "./decide-change";
import { sweepRequiredChecks } from "./deployment-control";
import { gateDecision } from "./gate";
import { raiseChange } from "./raise-change";
import { reviewEmergency } from "./review-emergency";
import { saveFreeze } from "./save-freeze";
import { setRequiredCheck } from "./set-required-check";

const db = testDb;
const ORIGIN = "http://portal.test";
// A Tuesday morning in London: in working hours.
const NOW = new Date("2026-11-24T10:00:00Z");
let production: { id: string };
let run = 0;

const GOOD_HISTORY = Array.from({ length: 6 }, (_, index) => ({ status: "SUCCEEDED" as const, daysAgo: index + 1, requiredChecksStatus: "PASSED" as const }));
const RULES = [
  { kind: "track-record", count: 5, days: 30 },
  { kind: "change-failure-rate", days: 30, maxPercent: 20 },
  { kind: "health-checks-passed", count: 3 },
  { kind: "automated-pipeline" },
  { kind: "outside-freeze" },
] as const;

async function serviceSetup(options: { history?: typeof GOOD_HISTORY | { status: "SUCCEEDED" | "FAILED"; daysAgo: number }[]; rules?: readonly object[]; scopes?: string[] } = {}) {
  const team = await createTeam(db());
  // Tier 4: the demo's patterns (seeded into the same database by prisma/seed/demo.test.ts) cover tiers 1-3 only.
  const service = await createService(db(), { teamId: team.id, tier: "TIER_4" });
  if (options.history?.length) await createDeploymentHistory(db(), { serviceId: service.id, environmentId: production.id, entries: options.history, now: NOW });
  const pattern = await createPattern(db(), { name: `Routine ${service.slug}`, serviceIds: [service.id], environmentIds: [production.id], rules: (options.rules ?? RULES) as never });
  const token = await createApiToken(db(), cliTestActor(), { service: service.slug, name: "ci", scopes: (options.scopes ?? ["gate:read", "deployments:write", "health:write"]) as never });
  const pipeline = (await actorForBearerToken(token.secret)) as Actor;
  const engineer = actorFor(await createPerson(db(), { role: "ENGINEER", teams: [{ teamId: team.id }] }));
  return { team, service, pattern, pipeline, engineer };
}

const ask = (actor: Actor, service: string, version: string, extra: { plannedAt?: string; commits?: string[] } = {}) =>
  gateDecision(db(), actor, { service, environment: "production", version, ...extra }, ORIGIN, NOW);

const deploy = (actor: Actor, service: string, version: string, status: "succeeded" | "failed" = "succeeded") => {
  run += 1;
  return reportDeployment(db(), actor, { service, environment: "production", version, externalId: `gate-run-${run}`, status, startedAt: "2026-11-24T10:01:00Z", finishedAt: "2026-11-24T10:05:00Z" }, NOW);
};

let cm1: Actor;
let cm2: Actor;

beforeAll(async () => {
  const environments = await createEnvironments(db());
  production = environments.find((environment) => environment.slug === "production")!;
  cm1 = actorFor(await createPerson(db(), { role: "CHANGE_MANAGER" }));
  cm2 = actorFor(await createPerson(db(), { role: "CHANGE_MANAGER" }));
});

describe("the deployment gate", () => {
  it("allows a service that earned standard changes, recording one standard change per version", async () => {
    const { service, pipeline } = await serviceSetup({ history: GOOD_HISTORY });
    const first = await ask(pipeline, service.slug, "2.0.0", { commits: ["ABCDEF12"] });
    expect(first).toMatchObject({ decision: "allow", changeType: "STANDARD" });
    expect(first.reasons.every((reason) => reason.passed)).toBe(true);
    expect(first.url).toBe(`${ORIGIN}/changes/${first.changeRequestId}`);
    const change = await db().changeRequest.findUniqueOrThrow({ where: { id: first.changeRequestId! }, select: { type: true, state: true, version: true, commitShas: true, patternId: true } });
    expect(change).toMatchObject({ type: "STANDARD", state: "APPROVED", version: "2.0.0", commitShas: ["abcdef12"] });

    const again = await ask(pipeline, service.slug, "2.0.0");
    expect(again.changeRequestId).toBe(first.changeRequestId);
    expect(await db().changeRequest.count({ where: { serviceId: service.id } })).toBe(1);
    expect(await db().gateDecision.count({ where: { serviceId: service.id } })).toBe(1);
    const audit = await db().auditEvent.findMany({ where: { entityId: first.changeRequestId! }, select: { action: true } });
    expect(audit.map((event) => event.action)).toContain("change.standard-recorded");
  });

  it("denies a new service with the reasons and a link to raise a change", async () => {
    const { service, pipeline } = await serviceSetup();
    const answer = await ask(pipeline, service.slug, "0.1.0");
    expect(answer).toMatchObject({ decision: "deny", changeType: null, changeRequestId: null });
    expect(answer.url).toBe(`${ORIGIN}/changes/new?service=${service.slug}&environment=production&version=0.1.0`);
    const failed = answer.reasons.filter((reason) => !reason.passed).map((reason) => reason.rule);
    expect(failed).toEqual(["approved-change", "pattern", "track-record", "change-failure-rate", "health-checks-passed"]);
    expect(answer.reasons.find((reason) => reason.rule === "track-record")!.message).toMatch(/Only 0 finished deployments/);
    await ask(pipeline, service.slug, "0.1.0");
    expect(await db().gateDecision.count({ where: { serviceId: service.id } })).toBe(1);
  });

  it("denies a failing service: a service loses standard changes after failures", async () => {
    const history = [...GOOD_HISTORY, { status: "FAILED" as const, daysAgo: 2 }, { status: "FAILED" as const, daysAgo: 3 }];
    const { service, pipeline } = await serviceSetup({ history });
    const answer = await ask(pipeline, service.slug, "3.1.0");
    expect(answer.decision).toBe("deny");
    expect(answer.reasons.find((reason) => reason.rule === "change-failure-rate")).toMatchObject({ passed: false, message: expect.stringMatching(/2 of 8 .*25%/) });
  });

  it("counts a deployment that caused an incident as failed: the service loses standard changes", async () => {
    const { service, pipeline, engineer } = await serviceSetup({ history: GOOD_HISTORY });
    expect((await ask(pipeline, service.slug, "3.2.0")).decision).toBe("allow");
    const [latest, previous] = await db().deployment.findMany({ where: { serviceId: service.id }, orderBy: { startedAt: "desc" }, take: 2, select: { id: true, startedAt: true } });
    for (const deployment of [latest!, previous!]) {
      const triggeredAt = new Date(deployment.startedAt.getTime() + 30 * 60_000);
      const incident = await declareIncident(db(), engineer, { services: [service.slug], title: "Errors after the release", impact: "MEDIUM" }, triggeredAt);
      await confirmCause(db(), engineer, { incidentId: incident.id, deploymentId: deployment.id }, new Date(triggeredAt.getTime() + 60_000));
    }
    const answer = await ask(pipeline, service.slug, "3.2.0");
    expect(answer.decision).toBe("deny");
    expect(answer.reasons.find((reason) => reason.rule === "change-failure-rate")).toMatchObject({ passed: false, message: expect.stringMatching(/^2 of 6 deployments in the last 30 days failed \(33\.3%\)/) });
  });

  it("counts each rule's own window and the last N successes in one read (windows of different lengths)", async () => {
    const history = [
      { status: "SUCCEEDED" as const, daysAgo: 1, requiredChecksStatus: "PASSED" as const },
      { status: "FAILED" as const, daysAgo: 2 },
      { status: "SUCCEEDED" as const, daysAgo: 5, requiredChecksStatus: "FAILED" as const },
      { status: "SUCCEEDED" as const, daysAgo: 20, requiredChecksStatus: "PASSED" as const },
      { status: "FAILED" as const, daysAgo: 40 },
      { status: "SUCCEEDED" as const, daysAgo: 80, requiredChecksStatus: "PASSED" as const },
    ];
    const rules = [
      { kind: "track-record", count: 4, days: 7 },
      { kind: "change-failure-rate", days: 90, maxPercent: 30 },
      { kind: "health-checks-passed", count: 2 },
    ];
    const { service, pipeline } = await serviceSetup({ history, rules });
    const answer = await ask(pipeline, service.slug, "7.0.0");
    const verdict = (rule: string) => answer.reasons.find((reason) => reason.rule === rule);
    expect(answer.decision).toBe("deny");
    // A deny lists the failed verdicts: each message carries its own window's counts.
    expect(verdict("track-record")).toMatchObject({ passed: false, message: expect.stringMatching(/^Only 3 finished deployments in the last 7 days/) });
    expect(verdict("change-failure-rate")).toMatchObject({ passed: false, message: expect.stringMatching(/^2 of 6 deployments in the last 90 days failed \(33\.3%\)/) });
    expect(verdict("health-checks-passed")).toMatchObject({ passed: false, message: expect.stringMatching(/^1 of the last 2 deployments/) });

    const strict = await serviceSetup({ history, rules: [{ kind: "change-failure-rate", days: 30, maxPercent: 10 }, { kind: "track-record", count: 1, days: 90 }] });
    const denied = await ask(strict.pipeline, strict.service.slug, "7.0.0");
    expect(denied.reasons.find((reason) => reason.rule === "change-failure-rate")).toMatchObject({ passed: false, message: expect.stringMatching(/^1 of 4 deployments in the last 30 days failed \(25%\)/) });
  });

  it("denies during a freeze, even an eligible service; only an emergency change passes", async () => {
    const { service, pipeline, engineer } = await serviceSetup({ history: GOOD_HISTORY });
    await saveFreeze(db(), cm1, { name: "Peak trading", scope: "SERVICE", target: service.slug, startsAt: "2026-11-24T00:00:00Z", endsAt: "2026-11-25T00:00:00Z" }, undefined, NOW);
    const frozen = await ask(pipeline, service.slug, "4.0.0");
    expect(frozen.decision).toBe("deny");
    expect(frozen.reasons[0]).toMatchObject({ rule: "freeze", passed: false, message: expect.stringMatching(/Peak trading/) });
    // Outside the freeze the same service is allowed.
    expect((await ask(pipeline, service.slug, "4.0.0", { plannedAt: "2026-11-25T10:00:00Z" })).decision).toBe("allow");

    const emergency = await raiseChange(db(), engineer, { type: "EMERGENCY", service: service.slug, environment: "production", version: "4.0.1", summary: "Hotfix for checkout outage", implementationPlan: "Deploy the fix.", rollbackPlan: "Redeploy 4.0.0." }, NOW);
    expect(emergency.state).toBe("APPROVED");
    expect(emergency.reviewDueAt).toEqual(new Date(NOW.getTime() + 72 * 3_600_000));
    const hotfix = await ask(pipeline, service.slug, "4.0.1");
    expect(hotfix).toMatchObject({ decision: "allow", changeType: "EMERGENCY", changeRequestId: emergency.id });
  });

  it("an organisation-wide freeze covers every service", async () => {
    const { service, pipeline } = await serviceSetup({ history: GOOD_HISTORY });
    await saveFreeze(db(), cm1, { name: "Year end", scope: "ORGANISATION", startsAt: "2028-06-20T00:00:00Z", endsAt: "2028-07-02T00:00:00Z" }, undefined, NOW);
    expect((await ask(pipeline, service.slug, "5.0.0", { plannedAt: "2028-06-24T10:00:00Z" })).decision).toBe("deny");
  });

  it("checks on-call cover at the planned time", async () => {
    const { service, pipeline } = await serviceSetup({ history: GOOD_HISTORY, rules: [{ kind: "on-call" }] });
    expect((await ask(pipeline, service.slug, "6.0.0")).decision).toBe("allow");
    // A Saturday night: the service's team has no schedule, so nobody covers it.
    const night = await ask(pipeline, service.slug, "6.0.1", { plannedAt: "2026-11-28T02:00:00Z" });
    expect(night.decision).toBe("deny");
    expect(night.reasons.find((reason) => reason.rule === "on-call")!.message).toMatch(/Nobody is on call/);
  });

  it("refuses tokens of another service and tokens without gate:read; people cannot ask", async () => {
    const own = await serviceSetup({ history: GOOD_HISTORY });
    const other = await serviceSetup({ scopes: ["deployments:write"] });
    await expect(ask(own.pipeline, other.service.slug, "1.0.0")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(ask(other.pipeline, other.service.slug, "1.0.0")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(ask(own.engineer, own.service.slug, "1.0.0")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(gateDecision(db(), own.pipeline, { service: own.service.slug, environment: "", version: "" }, ORIGIN)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { environment: [expect.any(String)], version: [expect.any(String)] },
    });
  });
});

describe("normal changes through the CAB", () => {
  it("needs the quorum of change managers, refuses self-approval, then the gate allows exactly that version", async () => {
    const { team, service, pipeline } = await serviceSetup();
    const raiser = actorFor(await createPerson(db(), { role: "CHANGE_MANAGER", teams: [{ teamId: team.id }] }));
    const change = await raiseChange(db(), raiser, {
      type: "NORMAL", service: service.slug, environment: "production", version: "7.0.0", summary: "Database migration for orders",
      implementationPlan: "Run the migration, then deploy.", rollbackPlan: "Restore the snapshot.", plannedStart: "2026-11-26T10:00:00Z", submit: true,
    }, NOW);
    expect(change.state).toBe("SUBMITTED");
    expect(change.riskScore).toBeGreaterThan(0);
    await expect(decideChange(db(), raiser, change.id, { decision: "APPROVE", reason: "Looks fine" })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/own change/) });
    expect((await ask(pipeline, service.slug, "7.0.0")).decision).toBe("deny");
    expect(await decideChange(db(), cm1, change.id, { decision: "APPROVE", reason: "Plan is sound" })).toMatchObject({ state: "SUBMITTED", approvals: 1, quorum: 2 });
    expect(await decideChange(db(), cm2, change.id, { decision: "APPROVE", reason: "Rollback tested" })).toMatchObject({ state: "APPROVED" });
    expect(await ask(pipeline, service.slug, "7.0.0")).toMatchObject({ decision: "allow", changeType: "NORMAL", changeRequestId: change.id });
    expect((await ask(pipeline, service.slug, "7.0.1")).decision).toBe("deny");
  });

  it("a rejection with its reason rejects the change; product managers cannot vote", async () => {
    const { service, engineer } = await serviceSetup();
    const change = await raiseChange(db(), engineer, {
      type: "NORMAL", service: service.slug, environment: "production", version: "8.0.0", summary: "Risky rewrite of the pricing engine",
      implementationPlan: "Big bang.", rollbackPlan: "None really.", plannedStart: "2026-11-26T10:00:00Z", submit: true,
    }, NOW);
    const pm = actorFor(await createPerson(db(), { role: "PRODUCT_MANAGER" }));
    await expect(decideChange(db(), pm, change.id, { decision: "APPROVE", reason: "Fine by me" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(decideChange(db(), cm1, change.id, { decision: "REJECT", reason: "" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { reason: [expect.any(String)] } });
    expect(await decideChange(db(), cm1, change.id, { decision: "REJECT", reason: "No rollback plan" })).toMatchObject({ state: "REJECTED" });
    const stored = await db().changeRequest.findUniqueOrThrow({ where: { id: change.id }, select: { state: true, decisionReason: true } });
    expect(stored).toEqual({ state: "REJECTED", decisionReason: "No rollback plan" });
  });

  it("an engineer of another team cannot raise a change for the service", async () => {
    const { service } = await serviceSetup();
    const outsider = actorFor(await createPerson(db(), { role: "ENGINEER", teams: [{ teamId: (await createTeam(db())).id }] }));
    await expect(raiseChange(db(), outsider, { type: "NORMAL", service: service.slug, environment: "production", version: "1", summary: "Sneaky change", implementationPlan: "x", rollbackPlan: "y" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("deployments and their changes", () => {
  it("links the deployment to its standard change and closes it when no checks are required", async () => {
    const { service, pipeline } = await serviceSetup({ history: GOOD_HISTORY });
    const gate = await ask(pipeline, service.slug, "9.0.0");
    const deployment = await deploy(pipeline, service.slug, "9.0.0");
    const stored = await db().deployment.findUniqueOrThrow({ where: { id: deployment.id }, select: { changeRequestId: true, flags: true } });
    expect(stored).toEqual({ changeRequestId: gate.changeRequestId, flags: [] });
    expect((await db().changeRequest.findUniqueOrThrow({ where: { id: gate.changeRequestId! }, select: { state: true } })).state).toBe("CLOSED");
  });

  it("waits for required health checks, then closes; a failing check fails the change and costs eligibility", async () => {
    const { service, pipeline, pattern } = await serviceSetup({ history: GOOD_HISTORY });
    await setRequiredCheck(db(), cm1, { service: service.slug, name: "smoke", deadlineMinutes: 15 });
    await setRequiredCheck(db(), cm1, { pattern: pattern.slug, name: "synthetics", deadlineMinutes: 30 });

    const ok = await ask(pipeline, service.slug, "10.0.0");
    const good = await deploy(pipeline, service.slug, "10.0.0");
    const state = (id: string) => db().changeRequest.findUniqueOrThrow({ where: { id }, select: { state: true } }).then((change) => change.state);
    expect(await state(ok.changeRequestId!)).toBe("IMPLEMENTED");
    await reportHealthCheck(db(), pipeline, good.id, { name: "smoke", status: "pass", checkedAt: "2026-11-24T10:06:00Z" }, NOW);
    expect(await state(ok.changeRequestId!)).toBe("IMPLEMENTED");
    await reportHealthCheck(db(), pipeline, good.id, { name: "synthetics", status: "pass", checkedAt: "2026-11-24T10:10:00Z" }, NOW);
    expect(await state(ok.changeRequestId!)).toBe("CLOSED");

    const bad = await ask(pipeline, service.slug, "10.1.0");
    const broken = await deploy(pipeline, service.slug, "10.1.0");
    await reportHealthCheck(db(), pipeline, broken.id, { name: "smoke", status: "fail", checkedAt: "2026-11-24T10:07:00Z" }, NOW);
    expect(await state(bad.changeRequestId!)).toBe("FAILED");
    const flags = await db().deploymentFlag.findMany({ where: { deploymentId: broken.id }, select: { kind: true } });
    expect(flags).toEqual([{ kind: "REQUIRED_CHECK_FAILED" }]);
    // The failure now counts against the service: the last 3 deployments include it.
    const next = await ask(pipeline, service.slug, "10.2.0");
    expect(next.decision).toBe("deny");
    expect(next.reasons.find((reason) => reason.rule === "health-checks-passed")).toMatchObject({ passed: false });
  });

  it("the sweep marks checks missing after their deadline", async () => {
    const { service, pipeline } = await serviceSetup({ history: GOOD_HISTORY });
    await setRequiredCheck(db(), cm1, { service: service.slug, name: "smoke", deadlineMinutes: 15 });
    const gate = await ask(pipeline, service.slug, "11.0.0");
    const deployment = await deploy(pipeline, service.slug, "11.0.0");
    await sweepRequiredChecks(db(), systemTestActor(), new Date("2026-11-24T10:10:00Z"));
    expect((await db().deployment.findUniqueOrThrow({ where: { id: deployment.id }, select: { requiredChecksStatus: true } })).requiredChecksStatus).toBe("PENDING");
    await sweepRequiredChecks(db(), systemTestActor(), new Date("2026-11-24T10:21:00Z"));
    expect((await db().deployment.findUniqueOrThrow({ where: { id: deployment.id }, select: { requiredChecksStatus: true } })).requiredChecksStatus).toBe("MISSING");
    expect((await db().changeRequest.findUniqueOrThrow({ where: { id: gate.changeRequestId! }, select: { state: true, failureReason: true } }))).toMatchObject({ state: "FAILED", failureReason: expect.stringMatching(/missing/) });
    const missed = await db().domainEvent.findMany({ where: { entityId: deployment.id, type: "change.required-check.missed" }, select: { payload: true } });
    expect(missed).toHaveLength(1);
    expect(missed[0]!.payload).toMatchObject({ change: { id: gate.changeRequestId }, checks: expect.any(Array) });
  });

  it("flags a production deployment without an approved change and tells change managers", async () => {
    const { service, pipeline } = await serviceSetup();
    const deployment = await deploy(pipeline, service.slug, "12.0.0");
    const flags = await db().deploymentFlag.findMany({ where: { deploymentId: deployment.id }, select: { kind: true } });
    expect(flags).toEqual([{ kind: "NO_APPROVED_CHANGE" }]);
    const personId = (cm1 as { id: string }).id;
    await drainEventsOf(db(), deploymentNotices, [deployment.id]);
    await drainEventsOf(db(), deploymentNotices, [deployment.id]); // a redelivery notifies nobody twice
    expect(await db().notification.count({ where: { personId, href: `/deployments/${deployment.id}`, kind: "deployment.flagged" } })).toBe(1);
  });

  it("a pipeline's started, succeeded and replayed reports of one deployment notify each change manager once per step and flag it once", async () => {
    const { service, pipeline } = await serviceSetup();
    run += 1;
    const report = (status: "started" | "succeeded") => reportDeployment(db(), pipeline, {
      service: service.slug, environment: "production", version: "12.1.0", externalId: `gate-run-${run}`, status,
      startedAt: "2026-11-24T10:01:00Z", ...(status === "succeeded" ? { finishedAt: "2026-11-24T10:05:00Z" } : {}),
    }, NOW);
    const started = await report("started");
    await report("started"); // a retried step replays its report
    await report("succeeded");
    await report("succeeded");
    expect(await db().deploymentFlag.count({ where: { deploymentId: started.id } })).toBe(1);
    await drainEventsOf(db(), deploymentNotices, [started.id]);
    const personId = (cm1 as { id: string }).id;
    const notices = await db().notification.findMany({ where: { personId, href: `/deployments/${started.id}` }, select: { kind: true }, orderBy: { kind: "asc" } });
    expect(notices.map((notice) => notice.kind)).toEqual(["deployment.finished", "deployment.flagged", "deployment.started"]);
  });

  it("an emergency change is implemented first and reviewed afterwards by another change manager", async () => {
    const { team, service, pipeline } = await serviceSetup();
    const raiser = actorFor(await createPerson(db(), { role: "CHANGE_MANAGER", teams: [{ teamId: team.id }] }));
    const change = await raiseChange(db(), raiser, { type: "EMERGENCY", service: service.slug, environment: "production", version: "13.0.1", summary: "Stop the data leak", implementationPlan: "Deploy.", rollbackPlan: "Revert." }, NOW);
    await ask(pipeline, service.slug, "13.0.1");
    await deploy(pipeline, service.slug, "13.0.1");
    expect((await db().changeRequest.findUniqueOrThrow({ where: { id: change.id }, select: { state: true } })).state).toBe("CLOSED");
    await expect(reviewEmergency(db(), raiser, change.id, { notes: "Reviewing my own change" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await reviewEmergency(db(), cm1, change.id, { notes: "Justified: data exposure. Follow-up: add a test." });
    await expect(reviewEmergency(db(), cm2, change.id, { notes: "Second review attempt" })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("the evidence pack", () => {
  it("holds commits, approvals, gate decision, deployer, health checks, incidents note and audit events; engineers cannot read it", async () => {
    const { service, pipeline, engineer } = await serviceSetup({ history: GOOD_HISTORY });
    const gate = await ask(pipeline, service.slug, "14.0.0", { commits: ["c0ffee12"] });
    run += 1;
    const deployment = await reportDeployment(db(), pipeline, {
      service: service.slug, environment: "production", version: "14.0.0", externalId: `gate-run-${run}`, status: "succeeded", deployer: "Amara",
      startedAt: "2026-11-24T10:01:00Z", finishedAt: "2026-11-24T10:05:00Z", commits: [{ sha: "c0ffee12", committedAt: "2026-11-23T10:00:00Z", message: "Faster basket" }],
    }, NOW);
    await reportHealthCheck(db(), pipeline, deployment.id, { name: "smoke", status: "pass", checkedAt: "2026-11-24T10:06:00Z" }, NOW);
    const { buildEvidencePack } = await import("./evidence-pack");
    const { evidenceMarkdown } = await import("./evidence-markdown");
    const pack = await buildEvidencePack(db(), cm1, gate.changeRequestId!);
    expect(pack.change.gateDecisions).toHaveLength(1);
    expect(pack.change.deployments[0]).toMatchObject({ deployer: "Amara", commits: [{ sha: "c0ffee12" }], healthChecks: [{ name: "smoke", status: "PASS" }] });
    expect(pack.incidents.tracked).toBe(false);
    expect(pack.auditEvents.map((event) => event.action)).toEqual(expect.arrayContaining(["change.standard-recorded", "change.gate-decision", "deployment.report", "change.closed", "deployment.health-check"]));
    const markdown = evidenceMarkdown(pack);
    expect(markdown).toContain("# Evidence pack: CHG-");
    expect(markdown).toContain("`c0ffee12`");
    expect(markdown).toContain("Deployer: Amara");
    // Each audit event in words, with the token and the deployment by their names, beside its action.
    const closed = pack.auditEvents.find((event) => event.action === "change.closed")!;
    expect(closed.says).toBe(`Token ci marked CHG-${pack.change.number} closed: “Deployment succeeded; no health checks are required.”`);
    expect(pack.auditEvents.map((event) => event.says)).toContain(`Token ci reported the health check “smoke” passing for ${pack.change.service.name} 14.0.0`);
    expect(markdown).toContain(`| ${closed.says} | \`change.closed\` |`);
    await expect(buildEvidencePack(db(), engineer, gate.changeRequestId!)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("dates that make sense", () => {
  it("a freeze dated 2020 or 9999 gets a field error and writes nothing; so does a change planned in 2020", async () => {
    const { service, engineer } = await serviceSetup();
    const before = await db().freezeWindow.count();
    await expect(saveFreeze(db(), cm1, { name: "Old freeze", scope: "ORGANISATION", startsAt: "2020-03-01T00:00", endsAt: "2020-03-02T00:00" }, undefined, NOW))
      .rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { startsAt: [expect.stringMatching(/in the past/)] } });
    await expect(saveFreeze(db(), cm1, { name: "Far freeze", scope: "ORGANISATION", startsAt: "9999-03-01T00:00", endsAt: "9999-03-02T00:00" }, undefined, NOW))
      .rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { startsAt: [expect.stringMatching(/two years ahead/)], endsAt: [expect.stringMatching(/two years ahead/)] } });
    expect(await db().freezeWindow.count()).toBe(before);
    await expect(raiseChange(db(), engineer, {
      type: "NORMAL", service: service.slug, environment: "production", version: "1.0.0", summary: "Change planned in the past",
      implementationPlan: "Deploy.", rollbackPlan: "Revert.", plannedStart: "2020-11-26T10:00", plannedEnd: "2020-11-26T11:00",
    }, NOW)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { plannedStart: [expect.stringMatching(/in the past/)] } });
    expect(await db().changeRequest.count({ where: { serviceId: service.id } })).toBe(0);
  });
});
