// The ingest use case against real PostgreSQL, with real tokens authenticated from their secrets.
import { beforeAll, describe, expect, it } from "vitest";
import { drainEventsOf } from "../../test/drain-events";
import { deploymentNotices } from "./event-notices";
import { createEnvironments, createPerson, createService } from "../../prisma/seed/factories";
import { cliTestActor, personActor, testDb } from "../../test/helpers";
import { actorForBearerToken } from "../auth/api-tokens";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { createApiToken } from "../tokens/create-api-token";
import { reportDeployment } from "./report-deployment";
import { reportHealthCheck } from "./report-health-check";
import type { TReportDeployment } from "./schemas";
import { listDeploymentsForApi } from "./list-deployments";

const db = testDb;
let run = 0;

async function serviceWithToken(scopes: string[] = ["deployments:write", "health:write"]) {
  const service = await createService(db());
  const token = await createApiToken(db(), cliTestActor(), { service: service.slug, name: "ci", scopes: scopes as never });
  const actor = (await actorForBearerToken(token.secret)) as Actor;
  return { service, actor };
}

function report(service: string, overrides: Partial<TReportDeployment> = {}): TReportDeployment {
  run += 1;
  return {
    service,
    environment: "production",
    version: "1.0.0",
    externalId: `run-${run}`,
    status: "started",
    startedAt: "2026-11-20T10:00:00Z",
    commits: [
      { sha: "a1b2c3d4e5f6", committedAt: "2026-11-19T09:00:00Z", message: "Add basket limits", author: "Amara" },
      { sha: "b1b2c3d4e5f6", committedAt: "2026-11-20T08:00:00Z" },
    ],
    ...overrides,
  };
}

const errorOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as AppError);
const countRows = async (serviceId: string) => ({
  deployments: await db().deployment.count({ where: { serviceId } }),
  audit: await db().auditEvent.count({ where: { entityType: "Deployment", entityId: { in: (await db().deployment.findMany({ where: { serviceId }, select: { id: true } })).map((d) => d.id) } } }),
});

beforeAll(async () => {
  await createEnvironments(db());
});

describe("reportDeployment", () => {
  it("creates once, replays to the same id, moves forward, and refuses to move back", async () => {
    const { service, actor } = await serviceWithToken();
    const body = report(service.slug);
    const first = await reportDeployment(db(), actor, body);
    expect(first.created).toBe(true);
    const replay = await reportDeployment(db(), actor, body);
    expect(replay).toMatchObject({ id: first.id, created: false });
    const done = await reportDeployment(db(), actor, { ...body, status: "succeeded", finishedAt: "2026-11-20T10:05:00Z" });
    expect(done).toMatchObject({ id: first.id, created: false });
    const back = await errorOf(reportDeployment(db(), actor, { ...body, status: "started" }));
    expect(back).toMatchObject({ code: "CONFLICT", status: 409 });

    const row = await db().deployment.findUniqueOrThrow({ where: { id: first.id }, include: { commits: true } });
    expect(row).toMatchObject({ status: "SUCCEEDED", finishedAt: new Date("2026-11-20T10:05:00Z"), firstCommitAt: new Date("2026-11-19T09:00:00Z") });
    expect(row.commits).toHaveLength(2);
    const events = await db().auditEvent.findMany({ where: { entityId: first.id }, orderBy: { occurredAt: "asc" } });
    // No approved change exists for it (see lib/changes/changes.test.ts), so change managers are told.
    // The report and its flag are written by one statement at one instant, so their order is a tie.
    expect(events.slice(0, 2).map((event) => event.action).sort()).toEqual(["deployment.flagged", "deployment.report"]);
    expect(events.map((event) => event.action)[2]).toBe("deployment.succeeded");
    expect(events).toHaveLength(3);
    expect(events.find((event) => event.action === "deployment.report")).toMatchObject({ actorKind: "TOKEN", actorId: actor.kind === "TOKEN" ? actor.id : "" });
  });

  it("refuses a token without the scope, a token of another service, and people; nothing is written", async () => {
    const { service } = await serviceWithToken();
    const { actor: healthOnly } = await (async () => {
      const token = await createApiToken(db(), cliTestActor(), { service: service.slug, name: "health", scopes: ["health:write"] });
      return { actor: (await actorForBearerToken(token.secret)) as Actor };
    })();
    const { actor: otherServiceToken } = await serviceWithToken();
    expect(await errorOf(reportDeployment(db(), healthOnly, report(service.slug)))).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(reportDeployment(db(), otherServiceToken, report(service.slug)))).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(reportDeployment(db(), otherServiceToken, report("no-such-service")))).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(reportDeployment(db(), personActor({ role: "ADMIN" }), report(service.slug)))).toMatchObject({ code: "FORBIDDEN" });
    expect(await countRows(service.id)).toEqual({ deployments: 0, audit: 0 });
  });

  it("answers bad input with field paths and writes nothing", async () => {
    const { service, actor } = await serviceWithToken();
    const error = await errorOf(
      reportDeployment(db(), actor, {
        ...report(service.slug),
        status: "done" as never,
        startedAt: "yesterday",
        commits: [{ sha: "zz", committedAt: "2026-11-20T08:00:00Z" }],
        pipelineUrl: "not a url",
      }),
    );
    expect(error).toBeInstanceOf(AppError);
    expect(Object.keys(error!.fieldErrors).sort()).toEqual(["commits.0.sha", "pipelineUrl", "startedAt", "status"]);
    const unknownEnv = await errorOf(reportDeployment(db(), actor, report(service.slug, { environment: "moon" })));
    expect(unknownEnv!.fieldErrors.environment).toBeDefined();
    expect(await countRows(service.id)).toEqual({ deployments: 0, audit: 0 });
  });

  it("a run id cannot be reused for another version", async () => {
    const { service, actor } = await serviceWithToken();
    const body = report(service.slug);
    await reportDeployment(db(), actor, body);
    expect(await errorOf(reportDeployment(db(), actor, { ...body, version: "9.9.9" }))).toMatchObject({ code: "CONFLICT" });
  });

  it("detects a rollback: redeploying the previous version links to and rolls back the current one", async () => {
    const { service, actor } = await serviceWithToken();
    const v1 = await reportDeployment(db(), actor, report(service.slug, { version: "1.0.0", status: "succeeded", startedAt: "2026-11-20T10:00:00Z", finishedAt: "2026-11-20T10:05:00Z" }));
    const v2 = await reportDeployment(db(), actor, report(service.slug, { version: "2.0.0", status: "succeeded", startedAt: "2026-11-21T10:00:00Z", finishedAt: "2026-11-21T10:05:00Z" }));
    expect(v2).toMatchObject({ replacesId: v1.id, isRollback: false });
    const back = await reportDeployment(db(), actor, report(service.slug, { version: "1.0.0", status: "succeeded", startedAt: "2026-11-21T11:00:00Z", finishedAt: "2026-11-21T11:04:00Z" }));
    expect(back).toMatchObject({ replacesId: v2.id, isRollback: true });
    expect(await db().deployment.findUniqueOrThrow({ where: { id: v2.id }, select: { status: true } })).toEqual({ status: "ROLLED_BACK" });
    const events = await db().auditEvent.findMany({ where: { entityId: v2.id }, select: { action: true } });
    expect(events.map((event) => event.action)).toContain("deployment.rolled-back");
  });

  it("concurrent replays of one run create one deployment", async () => {
    const { service, actor } = await serviceWithToken();
    const body = report(service.slug);
    const results = await Promise.all(Array.from({ length: 8 }, () => reportDeployment(db(), actor, body)));
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    // The report and one "no approved change" flag.
    expect(await countRows(service.id)).toEqual({ deployments: 1, audit: 2 });
  });
});

describe("reportHealthCheck and the list", () => {
  it("records checks for the token's own service only, and lists newest first", async () => {
    const { service, actor } = await serviceWithToken();
    const { actor: other } = await serviceWithToken();
    const first = await reportDeployment(db(), actor, report(service.slug, { startedAt: "2026-11-20T10:00:00Z" }));
    const second = await reportDeployment(db(), actor, report(service.slug, { version: "1.1.0", startedAt: "2026-11-21T10:00:00Z" }));
    const check = await reportHealthCheck(db(), actor, first.id, { name: "smoke", status: "pass", details: "200 OK" });
    expect(check).toMatchObject({ deploymentId: first.id, status: "pass" });
    // Another service's deployment is answered exactly like one that does not exist.
    const foreign = await errorOf(reportHealthCheck(db(), other, first.id, { name: "smoke", status: "fail" }));
    const unknown = await errorOf(reportHealthCheck(db(), other, "no-such-deployment", { name: "smoke", status: "fail" }));
    expect(foreign).toMatchObject({ code: "NOT_FOUND" });
    expect(foreign?.message).toBe(unknown?.message);
    expect(await errorOf(reportHealthCheck(db(), actor, first.id, { name: "", status: "maybe" as never }))).toMatchObject({ code: "VALIDATION" });
    expect(await db().deploymentHealthCheck.count({ where: { deploymentId: first.id } })).toBe(1);

    const listed = await listDeploymentsForApi(db(), actor, { service: service.slug });
    expect(listed.map((d) => d.id)).toEqual([second.id, first.id]);
    // Another service's token sees only its own service's deployments.
    expect(await listDeploymentsForApi(db(), other, { service: service.slug })).toEqual([]);
  });
});

describe("change manager notifications", () => {
  it("tells every change manager of each production deployment and its result, and not of staging", async () => {
    const changeManager = await createPerson(db(), { role: "CHANGE_MANAGER" });
    const engineer = await createPerson(db(), { role: "ENGINEER" });
    const { service, actor } = await serviceWithToken();
    const body = report(service.slug, { version: "3.1.0", deployer: "Amara" });
    const { id } = await reportDeployment(db(), actor, body);
    await reportDeployment(db(), actor, { ...body, status: "failed", finishedAt: "2026-11-20T10:07:00Z" });
    const staging = await reportDeployment(db(), actor, report(service.slug, { environment: "staging" }));
    await reportDeployment(db(), actor, { ...body, status: "failed", finishedAt: "2026-11-20T10:07:00Z" }); // a replay announces nothing
    const events = await db().domainEvent.findMany({ where: { entityId: { in: [id, staging.id] } }, orderBy: { seq: "asc" }, select: { type: true, entityId: true } });
    expect(events).toEqual([
      { type: "deployment.started", entityId: id },
      { type: "deployment.flagged", entityId: id },
      { type: "deployment.failed", entityId: id },
    ]);
    await drainEventsOf(db(), deploymentNotices, [id, staging.id]);
    const inbox = await db().notification.findMany({ where: { personId: changeManager.id }, orderBy: { createdAt: "asc" }, select: { title: true, href: true } });
    expect(inbox.filter((n) => n.href === `/deployments/${id}`).map((n) => n.title)).toEqual([
      `${service.slug} 3.1.0 to production: started`,
      `Flagged deployment: ${service.slug} 3.1.0 reached production without an approved change.`,
      `${service.slug} 3.1.0 to production: failed`,
    ]);
    expect(inbox.filter((n) => n.title.includes(service.slug))).toHaveLength(3);
    expect(await db().notification.count({ where: { personId: engineer.id } })).toBe(0);
  });
});
