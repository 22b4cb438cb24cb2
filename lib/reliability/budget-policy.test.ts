// The error-budget policy: the pure rule, then the gate against the real database — a service that
// has spent its 28-day budget loses standard changes (the reason names the budget and the incidents),
// normal and emergency changes still pass, and a product manager of the owning team may record a
// time-boxed, audited exception.
import { beforeAll, describe, expect, it } from "vitest";
import { createPattern } from "../../prisma/seed/change-factories";
import { createEnvironments, createPerson, createService, createTeam } from "../../prisma/seed/factories";
import { createIncident } from "../../prisma/seed/incident-factories";
import { actorFor, cliTestActor, personActor, testDb } from "../../test/helpers";
import { actorForBearerToken } from "../auth/api-tokens";
import type { Actor } from "../auth/actor";
import { describeAuditEvents } from "../audit/describe-audit-events";
import { sentenceText } from "../audit/sentence-kit";
import { gateDecision } from "../changes/gate";
import { raiseChange } from "../changes/raise-change";
import type { GateAnswer } from "../changes/state-machine";
import { createApiToken } from "../tokens/create-api-token";
import { MINUTE } from "./availability";
import { applyBudgetPolicy, budgetVerdict } from "./budget-policy";
import { budgetPolicyOverview, flaggedServicesOfTeams } from "./overview";
import { budgetPolicyState } from "./queries";
import { recordBudgetException } from "./record-budget-exception";
import { setBudgetPolicy } from "./set-budget-policy";

const db = testDb;
const ORIGIN = "http://portal.test";
const NOW = new Date("2026-11-24T10:00:00Z");
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * MINUTE);

describe("the rule", () => {
  const standard: GateAnswer = { decision: "allow", changeType: "STANDARD", changeId: null, patternId: "p1", reasons: [{ rule: "pattern", passed: true, message: 'Eligible for the pattern "Routine".' }] };
  // 99.9% over 28 days = 40.32 min = 40m 19s (rounded to the second); 45 minutes used.
  const spent = { budgetSpent: true, period: { unavailableMs: 45 * MINUTE, budgetMs: 40.32 * MINUTE }, incidents: [{ id: "i-7", number: 7, title: "x", lostAt: NOW, regainedAt: NOW, minutesInPeriod: 45 }] };

  it("denies a standard change while the budget is spent, naming the budget and linking the incidents", () => {
    const verdict = budgetVerdict({ policyOn: true, exception: null, report: spent }, ORIGIN);
    expect(verdict).toMatchObject({ rule: "error-budget", passed: false });
    expect(verdict!.message).toBe(
      "Error-budget policy: the service's 28-day error budget of 40m 19s is spent (45m unavailable), so standard changes wait until it recovers; " +
        "raise a normal change for review. Incidents: INC-7 http://portal.test/incidents/i-7.",
    );
    const answer = applyBudgetPolicy(standard, verdict);
    expect(answer).toMatchObject({ decision: "deny", changeType: null, patternId: null });
    expect(answer.reasons.map((reason) => [reason.rule, reason.passed])).toEqual([["error-budget", false], ["pattern", true]]);
  });

  it.each<[string, Parameters<typeof budgetVerdict>[0]]>([
    ["the policy is off", { policyOn: false, exception: null, report: spent }],
    ["the budget is not spent", { policyOn: true, exception: null, report: { ...spent, budgetSpent: false } }],
  ])("says nothing when %s", (_name, input) => {
    expect(budgetVerdict(input, ORIGIN)).toBeNull();
    expect(applyBudgetPolicy(standard, null)).toBe(standard);
  });

  it("lets a standard change through during an exception, and says so", () => {
    const verdict = budgetVerdict({ policyOn: true, exception: { endsAt: new Date("2026-11-26T10:00:00Z"), reason: "Fix for the outage" }, report: spent }, ORIGIN);
    expect(verdict).toMatchObject({ passed: true, message: expect.stringMatching(/exception runs until 2026-11-26T10:00:00.000Z: Fix for the outage/) });
    expect(applyBudgetPolicy(standard, verdict)).toMatchObject({ decision: "allow", changeType: "STANDARD" });
  });

  it("leaves normal and emergency changes, and denials, as decided", () => {
    const verdict = budgetVerdict({ policyOn: true, exception: null, report: spent }, ORIGIN);
    const normal: GateAnswer = { decision: "allow", changeType: "NORMAL", changeId: "c1", patternId: null, reasons: [] };
    const emergency: GateAnswer = { ...normal, changeType: "EMERGENCY" };
    const denied: GateAnswer = { decision: "deny", changeType: null, changeId: null, patternId: null, reasons: [] };
    for (const answer of [normal, emergency, denied]) expect(applyBudgetPolicy(answer, verdict)).toBe(answer);
  });
});

describe("the gate with the policy on", () => {
  let production: { id: string };
  beforeAll(async () => {
    production = (await createEnvironments(db())).find((environment) => environment.slug === "production")!;
    // Organisation-wide, but it only changes the answer for services that have spent their budget: no other file's.
    await setBudgetPolicy(db(), personActor({ role: "ADMIN" }), { errorBudgetPolicy: true });
  });

  async function setup() {
    const team = await createTeam(db());
    const service = await createService(db(), { teamId: team.id, tier: "TIER_4", availabilityTarget: "P99_9", maxLossPerHour: 20_000 });
    await createPattern(db(), { name: `Routine ${service.slug}`, serviceIds: [service.id], environmentIds: [production.id], rules: [{ kind: "automated-pipeline" }] });
    const token = await createApiToken(db(), cliTestActor(), { service: service.slug, name: "ci", scopes: ["gate:read"] });
    const pipeline = (await actorForBearerToken(token.secret)) as Actor;
    const engineer = actorFor(await createPerson(db(), { role: "ENGINEER", teams: [{ teamId: team.id }] }));
    const pm = actorFor(await createPerson(db(), { role: "PRODUCT_MANAGER", teams: [{ teamId: team.id }] }));
    return { team, service, pipeline, engineer, pm };
  }
  const ask = (actor: Actor, service: string, version: string) => gateDecision(db(), actor, { service, environment: "production", version }, ORIGIN, NOW);

  it("denies standard changes of a service that has spent its 28-day budget, and allows them again once it recovers", async () => {
    const { service, pipeline } = await setup();
    expect(await ask(pipeline, service.slug, "1.0.0")).toMatchObject({ decision: "allow", changeType: "STANDARD" });

    // 25 + 20 = 45 minutes within the 28 days: over 99.9%'s 40.32.
    const first = await createIncident(db(), { services: [service], lostAt: ago(3 * 24 * 60), regainedAt: ago(3 * 24 * 60 - 25) });
    const second = await createIncident(db(), { services: [service], lostAt: ago(60), regainedAt: ago(40) });
    const denied = await ask(pipeline, service.slug, "1.0.1");
    expect(denied).toMatchObject({ decision: "deny", changeType: null, changeRequestId: null });
    const reason = denied.reasons.find((candidate) => candidate.rule === "error-budget")!;
    expect(reason.passed).toBe(false);
    expect(reason.message).toContain("28-day error budget of 40m 19s is spent (45m unavailable)");
    expect(reason.message).toContain(`INC-${second.number} ${ORIGIN}/incidents/${second.id}, INC-${first.number} ${ORIGIN}/incidents/${first.id}`);
    expect(denied.url).toBe(`${ORIGIN}/changes/new?service=${service.slug}&environment=production&version=1.0.1`);

    // 29 days later the first loss has left the window; 20 minutes remain.
    const later = new Date(NOW.getTime() + 26 * 24 * 3_600_000);
    // Other files share the database and may have frozen the organisation on that day (the demo's
    // year-end freeze): whatever else the gate says then, the budget no longer stands in the way.
    const recovered = await gateDecision(db(), pipeline, { service: service.slug, environment: "production", version: "1.0.2" }, ORIGIN, later);
    expect(recovered.reasons.filter((candidate) => candidate.rule === "error-budget" && !candidate.passed)).toEqual([]);
    if (recovered.decision === "deny") expect(recovered.reasons.some((candidate) => candidate.rule === "freeze" && !candidate.passed)).toBe(true);
    else expect(recovered).toMatchObject({ decision: "allow", changeType: "STANDARD" });
  });

  it("still lets an approved emergency change through", async () => {
    const { service, pipeline, engineer } = await setup();
    await createIncident(db(), { services: [service], lostAt: ago(120), regainedAt: null });
    const emergency = await raiseChange(db(), engineer, { type: "EMERGENCY", service: service.slug, environment: "production", version: "2.0.1", summary: "Hotfix for the outage", implementationPlan: "Deploy the fix.", rollbackPlan: "Redeploy 2.0.0." }, NOW);
    expect(await ask(pipeline, service.slug, "2.0.1")).toMatchObject({ decision: "allow", changeType: "EMERGENCY", changeRequestId: emergency.id });
    expect(await ask(pipeline, service.slug, "2.0.2")).toMatchObject({ decision: "deny" });
  });

  it("lets a product manager of the owning team record a time-boxed exception, audited, which the gate honours", async () => {
    const { service, pipeline, pm } = await setup();
    await createIncident(db(), { services: [service], lostAt: ago(120), regainedAt: ago(30) });
    expect(await ask(pipeline, service.slug, "3.0.0")).toMatchObject({ decision: "deny" });

    const outsider = actorFor(await createPerson(db(), { role: "PRODUCT_MANAGER", teams: [{ teamId: (await createTeam(db())).id }] }));
    const admin = personActor({ role: "ADMIN" });
    const input = { service: service.slug, reason: "Ship the fix for the outage behind the standard pattern", endsAt: new Date(NOW.getTime() + 2 * 86_400_000).toISOString() };
    for (const actor of [outsider, admin]) await expect(recordBudgetException(db(), actor, input, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordBudgetException(db(), pm, { ...input, reason: "short" }, NOW)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { reason: [expect.any(String)] } });
    await expect(recordBudgetException(db(), pm, { ...input, endsAt: ago(1).toISOString() }, NOW)).rejects.toMatchObject({ fieldErrors: { endsAt: ["The exception must end in the future."] } });
    await expect(recordBudgetException(db(), pm, { ...input, endsAt: new Date(NOW.getTime() + 15 * 86_400_000).toISOString() }, NOW)).rejects.toMatchObject({ fieldErrors: { endsAt: [expect.stringMatching(/14 days/)] } });
    expect(await db().errorBudgetException.count({ where: { serviceId: service.id } })).toBe(0);

    const exception = await recordBudgetException(db(), pm, input, NOW);
    const allowed = await ask(pipeline, service.slug, "3.0.1");
    expect(allowed).toMatchObject({ decision: "allow", changeType: "STANDARD" });
    expect(allowed.reasons.find((reason) => reason.rule === "error-budget")).toMatchObject({ passed: true, message: expect.stringMatching(/Ship the fix/) });
    expect(await budgetPolicyState(db(), service.id, NOW)).toMatchObject({ policyOn: true, exception: { id: exception.id, recordedBy: pm.name } });

    const events = await db().auditEvent.findMany({ where: { entityType: "ErrorBudgetException", entityId: exception.id } });
    expect(events.map((event) => event.action)).toEqual(["reliability.budget-exception"]);
    const [described] = await describeAuditEvents(db(), events);
    expect(sentenceText(described!.sentence)).toMatch(new RegExp(`^${pm.name} let ${service.name} deploy standard changes while its error budget is spent, from .+ until .+`));

    // Once it ends, the gate denies again.
    const after = new Date(NOW.getTime() + 2 * 86_400_000 + 60_000);
    expect(await gateDecision(db(), pipeline, { service: service.slug, environment: "production", version: "3.0.2" }, ORIGIN, after)).toMatchObject({ decision: "deny" });
  });

  it("shows on the homes: held services and running exceptions for change managers, off-target services for their product manager", async () => {
    const held = await setup();
    const excepted = await setup();
    const healthy = await setup();
    await createIncident(db(), { services: [held.service, excepted.service], lostAt: ago(200), regainedAt: ago(100) });
    // 10 minutes two days ago on a 99.9% service: within its 40.32 minutes; 3 days burn 10 / 4,320 / 0.001 = 2.3×
    // but the last 6 hours nothing, so no slow burn either: not flagged.
    await createIncident(db(), { services: [healthy.service], lostAt: ago(2 * 24 * 60 + 10), regainedAt: ago(2 * 24 * 60) });
    await recordBudgetException(db(), excepted.pm, { service: excepted.service.slug, reason: "Ship the fix as a standard change", endsAt: new Date(NOW.getTime() + 86_400_000).toISOString() }, NOW);

    const overview = await budgetPolicyOverview(db(), NOW);
    expect(overview.policyOn).toBe(true);
    expect(overview.held.map((service) => service.slug)).toContain(held.service.slug);
    expect(overview.held.map((service) => service.slug)).not.toContain(excepted.service.slug);
    expect(overview.exceptions.find((exception) => exception.service.slug === excepted.service.slug)).toMatchObject({ recordedBy: excepted.pm.name });

    const flagged = await flaggedServicesOfTeams(db(), [held.team.id, healthy.team.id], NOW);
    // 100 minutes ending 100 minutes ago: spent, and a slow burn (3 days and 6 h over 1×; the last 30 minutes clear, so not fast).
    expect(flagged.map((service) => [service.slug, service.reasons])).toEqual([[held.service.slug, ["SLOW_BURN", "BUDGET_SPENT"]]]);
  });

  it("is switched by admins only, audited once per change", async () => {
    await expect(setBudgetPolicy(db(), personActor({ role: "PRODUCT_MANAGER" }), { errorBudgetPolicy: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setBudgetPolicy(db(), personActor({ role: "ADMIN" }), { errorBudgetPolicy: "yes" })).rejects.toMatchObject({ code: "VALIDATION" });
    const before = await db().auditEvent.count({ where: { action: "organisation.error-budget-policy" } });
    // Already on (beforeAll): saving on again records nothing.
    await setBudgetPolicy(db(), personActor({ role: "ADMIN" }), { errorBudgetPolicy: true });
    expect(await db().auditEvent.count({ where: { action: "organisation.error-budget-policy" } })).toBe(before);
  });
});
