// The demo organisation is made the way users make things, so its audit trail tells its whole story.
// The demo is seeded into a database of its own (not the run's shared one), so "every row" means every
// row: each thing in each audited table has the event that created it, every decided change has its
// votes and approval, every evidence pack has submission, approval, deployment and closure, and the
// chain verifies.
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { Actor, PersonActor } from "../../lib/auth/actor";
import { verifyAuditChain } from "../../lib/audit/verify-audit-chain";
import { decideChange } from "../../lib/changes/decide-change";
import { buildEvidencePack } from "../../lib/changes/evidence-pack";
import { gateDecision } from "../../lib/changes/gate";
import { forgetOnCallAnswers } from "../../lib/changes/oncall-at";
import { raiseChange } from "../../lib/changes/raise-change";
import { reportDeployment } from "../../lib/deployments/report-deployment";
import { reportHealthCheck } from "../../lib/deployments/report-health-check";
import { addLeave } from "../../lib/oncall/add-leave";
import { PrismaClient } from "../../lib/generated/prisma/client.ts";
import { applyMigrations } from "../../lib/runtime/prepare-database";
import { membershipEntityId } from "./factories";
import { seedDemoOrganisation } from "./demo";

const serverUrl = inject("databaseUrl");
const name = `${new URL(serverUrl).pathname.slice(1)}_demo_${randomBytes(3).toString("hex")}`;
const withDatabase = (database: string) => Object.assign(new URL(serverUrl), { pathname: `/${database}` }).toString();
const demoUrl = withDatabase(name);

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: withDatabase("postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let prisma: PrismaClient;
let seedMs = 0;

beforeAll(async () => {
  await admin(`CREATE DATABASE "${name}"`);
  applyMigrations(demoUrl);
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: demoUrl, max: 4 }) });
  const started = Date.now();
  await seedDemoOrganisation(prisma);
  seedMs = Date.now() - started;
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

type Event = { id: string; action: string; entityType: string; entityId: string; actorId: string | null; actorKind: string; occurredAt: Date; after: unknown; seq: bigint | null };
const events = () => prisma.auditEvent.findMany({ select: { id: true, action: true, entityType: true, entityId: true, actorId: true, actorKind: true, occurredAt: true, after: true, seq: true } });
const field = (value: unknown, key: string) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined);

/** Events by "<entityType>:<entityId>". */
function byEntity(all: Event[]) {
  const map = new Map<string, Event[]>();
  for (const event of all) {
    const key = `${event.entityType}:${event.entityId}`;
    map.set(key, [...(map.get(key) ?? []), event]);
  }
  return (type: string, id: string) => map.get(`${type}:${id}`) ?? [];
}

describe("the demo organisation's audit trail", () => {
  it("seeds in reasonable time", () => {
    console.info(`[demo-audit-trail] seeded the demo in ${seedMs} ms`);
    expect(seedMs).toBeLessThan(60_000);
  });

  it("has the creation event of every thing the demo made, by the action its use case writes", async () => {
    const of = byEntity(await events());
    const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
    // entity type, ids of every row, and the actions that create one.
    const expectations: [string, string[], string[]][] = [
      ["Domain", ids(await prisma.domain.findMany({ select: { id: true } })), ["domain.create"]],
      ["Team", ids(await prisma.team.findMany({ select: { id: true } })), ["team.create"]],
      ["TeamMembership", (await prisma.teamMembership.findMany({ select: { teamId: true, personId: true } })).map((m) => membershipEntityId(m.teamId, m.personId)), ["team-membership.create"]],
      ["Person", ids(await prisma.person.findMany({ select: { id: true } })), ["person.create"]],
      ["Service", ids(await prisma.service.findMany({ select: { id: true } })), ["service.create"]],
      ["ServiceLink", ids(await prisma.serviceLink.findMany({ select: { id: true } })), ["service-link.create"]],
      ["ExposureBand", ids(await prisma.exposureBand.findMany({ select: { id: true } })), ["exposure-band.create"]],
      ["Environment", ids(await prisma.environment.findMany({ select: { id: true } })), ["environment.create"]],
      ["Runbook", ids(await prisma.runbook.findMany({ select: { id: true } })), ["runbook.create"]],
      ["Deployment", ids(await prisma.deployment.findMany({ select: { id: true } })), ["deployment.report"]],
      ["ChangeRequest", ids(await prisma.changeRequest.findMany({ select: { id: true } })), ["change.raise", "change.standard-recorded"]],
      ["GateDecision", ids(await prisma.gateDecision.findMany({ select: { id: true } })), ["change.gate-decision"]],
      ["DeploymentPattern", ids(await prisma.deploymentPattern.findMany({ select: { id: true } })), ["pattern.create"]],
      ["RequiredHealthCheck", ids(await prisma.requiredHealthCheck.findMany({ select: { id: true } })), ["required-check.create"]],
      ["FreezeWindow", ids(await prisma.freezeWindow.findMany({ select: { id: true } })), ["freeze.create"]],
      ["HolidayCalendar", ids(await prisma.holidayCalendar.findMany({ select: { id: true } })), ["holiday-calendar.create"]],
      ["OnCallSchedule", ids(await prisma.onCallSchedule.findMany({ select: { id: true } })), ["oncall-schedule.create"]],
      ["OnCallOverride", ids(await prisma.onCallOverride.findMany({ select: { id: true } })), ["oncall-override.assign", "oncall-request.accept"]],
      ["OnCallRequest", ids(await prisma.onCallRequest.findMany({ select: { id: true } })), ["oncall-request.create"]],
      ["OnCallLeave", ids(await prisma.onCallLeave.findMany({ select: { id: true } })), ["oncall-leave.create"]],
      ["OnCallPayPolicy", (await prisma.onCallPayPolicy.findMany({ select: { teamId: true } })).map((policy) => policy.teamId), ["oncall-pay-policy.set"]],
    ];
    const missing: string[] = [];
    for (const [type, rows, actions] of expectations) {
      expect(rows.length, `the demo has ${type} rows`).toBeGreaterThan(0);
      for (const id of rows) if (!of(type, id).some((event) => actions.includes(event.action))) missing.push(`${type} ${id} (${actions.join(" or ")})`);
    }
    expect(missing).toEqual([]);
  });

  it("records every part written with a thing: revisions, health checks, flags, opt-outs, votes", async () => {
    const of = byEntity(await events());
    const missing: string[] = [];
    for (const revision of await prisma.runbookRevision.findMany({ select: { runbookId: true, number: true, authorId: true } })) {
      const saved = of("Runbook", revision.runbookId).find((event) => ["runbook.create", "runbook.update", "runbook.restore"].includes(event.action) && field(event.after, "revision") === revision.number);
      if (!saved) missing.push(`revision ${revision.number} of runbook ${revision.runbookId}`);
      else if (saved.actorId !== revision.authorId) missing.push(`revision ${revision.number} of runbook ${revision.runbookId}: saved by ${saved.actorId}, authored by ${revision.authorId}`);
    }
    for (const check of await prisma.deploymentHealthCheck.findMany({ select: { id: true, deploymentId: true } })) {
      if (!of("Deployment", check.deploymentId).some((event) => event.action === "deployment.health-check" && field(event.after, "id") === check.id)) missing.push(`health check ${check.id}`);
    }
    for (const flag of await prisma.deploymentFlag.findMany({ select: { deploymentId: true, kind: true } })) {
      if (!of("Deployment", flag.deploymentId).some((event) => event.action === "deployment.flagged" && field(event.after, "kind") === flag.kind)) missing.push(`flag ${flag.kind} on ${flag.deploymentId}`);
    }
    for (const optOut of await prisma.onCallOptOut.findMany({ select: { scheduleId: true, personId: true } })) {
      if (!of("OnCallSchedule", optOut.scheduleId).some((event) => event.action === "oncall-schedule.opt-out" && event.actorId === optOut.personId)) missing.push(`opt-out of ${optOut.personId}`);
    }
    for (const vote of await prisma.changeApproval.findMany({ select: { changeId: true, personId: true, decision: true } })) {
      if (!of("ChangeRequest", vote.changeId).some((event) => event.action === "change.vote" && event.actorId === vote.personId && field(event.after, "decision") === vote.decision)) missing.push(`vote of ${vote.personId} on ${vote.changeId}`);
    }
    for (const deployment of await prisma.deployment.findMany({ where: { changeRequestId: { not: null } }, select: { id: true, changeRequestId: true } })) {
      if (!of("Deployment", deployment.id).some((event) => event.action === "deployment.change-linked" && field(event.after, "changeRequestId") === deployment.changeRequestId)) missing.push(`link of deployment ${deployment.id}`);
    }
    expect(missing).toEqual([]);
  });

  it("records each change's way through: submission, CAB votes and approval, implementation and closure, in that order", async () => {
    const of = byEntity(await events());
    const changes = await prisma.changeRequest.findMany({ select: { id: true, number: true, type: true, state: true, createdAt: true, _count: { select: { approvals: true } } } });
    const problems: string[] = [];
    const need: Record<string, string[]> = {
      APPROVED: [], IMPLEMENTED: ["change.implemented"], CLOSED: ["change.implemented", "change.closed"], FAILED: ["change.failed"], SUBMITTED: [], DRAFT: [], REJECTED: [], CANCELLED: [],
    };
    for (const change of changes) {
      const trail = of("ChangeRequest", change.id).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.id.localeCompare(b.id));
      const actions = trail.map((event) => event.action);
      const decided = !["DRAFT", "SUBMITTED", "CANCELLED"].includes(change.state);
      const expected = [
        change.type === "STANDARD" ? "change.standard-recorded" : "change.raise",
        ...(change.type === "NORMAL" && decided ? ["change.vote", "change.vote", change.state === "REJECTED" ? "change.reject" : "change.approve"] : []),
        ...need[change.state]!,
      ];
      // Each expected action appears, in this order (others, such as links, may sit between).
      let at = 0;
      for (const action of actions) if (action === expected[at]) at += 1;
      if (at < expected.length) problems.push(`CHG-${change.number} (${change.type} ${change.state}): ${actions.join(", ")}; expected ${expected.join(", ")}`);
      const created = trail[0];
      if (created && Math.abs(created.occurredAt.getTime() - change.createdAt.getTime()) > 1000) problems.push(`CHG-${change.number} raised at ${created.occurredAt.toISOString()}, created ${change.createdAt.toISOString()}`);
      if (change.type === "NORMAL" && decided && change._count.approvals < 2) problems.push(`CHG-${change.number} has ${change._count.approvals} votes`);
    }
    expect(changes.length).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it("dates each event when it happened, not when the demo was seeded", async () => {
    const of = byEntity(await events());
    const wrong: string[] = [];
    for (const deployment of await prisma.deployment.findMany({ select: { id: true, startedAt: true, finishedAt: true } })) {
      const report = of("Deployment", deployment.id).find((event) => event.action === "deployment.report");
      const when = deployment.finishedAt ?? deployment.startedAt;
      if (report && report.occurredAt.getTime() !== when.getTime()) wrong.push(`deployment ${deployment.id} reported ${report.occurredAt.toISOString()}, finished ${when.toISOString()}`);
    }
    for (const revision of await prisma.runbookRevision.findMany({ select: { runbookId: true, number: true, createdAt: true } })) {
      const saved = of("Runbook", revision.runbookId).find((event) => event.action !== "runbook.review" && field(event.after, "revision") === revision.number);
      if (saved && saved.occurredAt.getTime() !== revision.createdAt.getTime()) wrong.push(`revision ${revision.number} of ${revision.runbookId} saved ${saved.occurredAt.toISOString()}, dated ${revision.createdAt.toISOString()}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it("gives every closed or failed change a complete evidence pack", async () => {
    const changeManager = await prisma.person.findFirstOrThrow({ where: { role: "CHANGE_MANAGER" }, select: { id: true, name: true, email: true, role: true, isIncidentManager: true } });
    const actor = { kind: "PERSON" as const, ...changeManager, teamIds: [] };
    const changes = await prisma.changeRequest.findMany({ where: { state: { in: ["CLOSED", "FAILED"] } }, select: { id: true, number: true, type: true, state: true } });
    const incomplete: string[] = [];
    for (const change of changes) {
      const pack = await buildEvidencePack(prisma, actor, change.id);
      const actions = new Set(pack.auditEvents.map((event) => event.action));
      const needed = [
        ...(change.type === "STANDARD" ? ["change.gate-decision", "change.standard-recorded"] : ["change.raise"]),
        ...(change.type === "NORMAL" ? ["change.vote", "change.approve"] : []),
        "deployment.report", "change.deployment-linked",
        change.state === "CLOSED" ? "change.closed" : "change.failed",
      ];
      const lacking = needed.filter((action) => !actions.has(action));
      if (pack.change.deployments.length === 0) lacking.push("a deployment");
      if (change.type === "NORMAL" && pack.change.approvals.length < 2) lacking.push("two CAB approvals");
      if (pack.auditEvents.some((event) => !event.sealed)) lacking.push("sealed events");
      if (lacking.length) incomplete.push(`CHG-${change.number} (${change.type} ${change.state}) lacks ${lacking.join(", ")}`);
    }
    expect(changes.length).toBeGreaterThan(50);
    expect(incomplete.slice(0, 10)).toEqual([]);
  });

  it("seals every event into a chain that verifies", async () => {
    const all = await events();
    expect(all.filter((event) => event.seq === null)).toEqual([]);
    const result = await verifyAuditChain(prisma, { kind: "CLI", label: "cli:demo-audit-trail-test" });
    expect(result).toEqual({ ok: true, checked: all.length, firstBrokenEventId: null });
  });
});

// The seed writes history with the events the use cases would write; here the use cases themselves run
// on the demo, and every event they write must have the shape (actor kind, before and after fields) of
// the seed's events of the same action. Runs last: it adds a change and a deployment to the demo.
describe("the demo's backfilled events", () => {
  const keys = (value: unknown) => (value && typeof value === "object" ? Object.keys(value).sort() : []);

  async function personActor(email: string): Promise<PersonActor> {
    const { memberships, ...person } = await prisma.person.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, email: true, role: true, isIncidentManager: true, memberships: { select: { teamId: true } } } });
    return { kind: "PERSON", ...person, teamIds: memberships.map((m) => m.teamId) };
  }
  async function pipeline(slug: string): Promise<Actor> {
    const token = await prisma.apiToken.findFirstOrThrow({ where: { service: { slug } }, select: { id: true, name: true, prefix: true, scopes: true, serviceId: true } });
    return { kind: "TOKEN", id: token.id, label: `token:${token.name} (${token.prefix}…)`, scopes: token.scopes, serviceId: token.serviceId };
  }

  it("have the shape of the events the use cases write", async () => {
    const seeded = await prisma.auditEvent.findMany({ select: { id: true, action: true, actorKind: true, before: true, after: true } });
    const seededIds = new Set(seeded.map((event) => event.id));
    const now = new Date();
    forgetOnCallAnswers();
    // An engineer raises a normal change, two change managers approve it; the pipeline deploys it and checks it.
    const erin = await personActor("engineer@runwell.local");
    const change = await raiseChange(prisma, erin, {
      type: "NORMAL", service: "checkout-api", environment: "production", version: "shape-check.1", summary: "Shape check release",
      implementationPlan: "Deploy through the pipeline.", rollbackPlan: "Redeploy the previous version.", plannedStart: new Date(now.getTime() + 3_600_000).toISOString(), submit: true,
    }, now);
    for (const email of ["change@runwell.local", "martin.osei@runwell.local"]) await decideChange(prisma, await personActor(email), change.id, { decision: "APPROVE", reason: "Plan and rollback reviewed." }, now);
    const checkout = await pipeline("checkout-api");
    const release = { service: "checkout-api", environment: "production", version: "shape-check.1", externalId: "shape-check-1", startedAt: new Date(now.getTime() - 60_000).toISOString(), commits: [{ sha: "abcdef123456", committedAt: new Date(now.getTime() - 3_600_000).toISOString() }] };
    const started = await reportDeployment(prisma, checkout, { ...release, status: "started" }, now);
    await reportDeployment(prisma, checkout, { ...release, status: "succeeded", finishedAt: now.toISOString() }, now);
    await reportHealthCheck(prisma, checkout, started.id, { name: "smoke tests", status: "pass", checkedAt: now.toISOString() }, now);
    // A tier 2 pipeline asks the gate (a standard change), deploys, and its required checks close the change.
    const basket = await pipeline("basket-service");
    const gate = await gateDecision(prisma, basket, { service: "basket-service", environment: "production", version: "shape-check.2" }, "http://demo.test", now);
    expect(gate.decision, JSON.stringify(gate.reasons)).toBe("allow");
    const standard = await reportDeployment(prisma, basket, { service: "basket-service", environment: "production", version: "shape-check.2", externalId: "shape-check-2", status: "succeeded", startedAt: new Date(now.getTime() - 60_000).toISOString(), finishedAt: now.toISOString() }, now);
    for (const name of ["smoke tests", "error rate"]) await reportHealthCheck(prisma, basket, standard.id, { name, status: "pass", checkedAt: now.toISOString() }, now);
    // A person books leave.
    const start = new Date(now.getTime() + 40 * 86_400_000);
    await addLeave(prisma, await personActor("kenji.watanabe@runwell.local"), { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 86_400_000).toISOString(), note: "" }, now);

    const written = (await prisma.auditEvent.findMany({ select: { id: true, action: true, actorKind: true, before: true, after: true, occurredAt: true } })).filter((event) => !seededIds.has(event.id));
    // The seed's history clock (recordingHistoryAt) does not reach what runs after it: these happened now.
    expect(written.filter((event) => Math.abs(event.occurredAt.getTime() - Date.now()) > 5 * 60_000).map((event) => event.action)).toEqual([]);
    const actions = new Set(written.map((event) => event.action));
    for (const action of ["change.raise", "change.vote", "change.approve", "deployment.report", "deployment.succeeded", "deployment.change-linked", "change.deployment-linked", "change.implemented", "change.closed", "deployment.health-check", "change.gate-decision", "change.standard-recorded", "deployment.required-checks", "oncall-leave.create"]) {
      expect(actions.has(action), action).toBe(true);
    }
    const differences: string[] = [];
    for (const event of written) {
      // Compared with the seed's events of the same action and kind (a standard change's events differ from a normal one's only in values).
      const alike = seeded.filter((other) => other.action === event.action);
      if (alike.length === 0) continue;
      const shape = (e: { actorKind: string; before: unknown; after: unknown }) => `${e.actorKind} before ${keys(e.before).join(",")} after ${keys(e.after).join(",")}`;
      if (!alike.some((other) => shape(other) === shape(event))) differences.push(`${event.action}: the use case writes ${shape(event)}; the seed ${[...new Set(alike.map(shape))].join(" | ")}`);
    }
    expect(differences).toEqual([]);
  });
});
