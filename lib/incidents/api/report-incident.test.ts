// The incident API's use cases against the run's real PostgreSQL: idempotency by (service, externalId),
// status moves forward and the conflict backwards, reopen after resolve, concurrency, the default
// impact, a confined token's view, keyset paging, and hostile input refused with nothing written.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createService, createTeam } from "../../../prisma/seed/factories";
import { testDb, tokenActor } from "../../../test/helpers";
import { AppError } from "../../errors";
import { getIncidentForApi, listIncidentsForApi } from "./list-incidents-for-api";
import { reportIncident } from "./report-incident";

const db = testDb;
const NOW = new Date("2026-12-03T10:00:00Z");
let service: { id: string; slug: string };
let other: { id: string; slug: string };
let token: ReturnType<typeof tokenActor>;
let otherToken: ReturnType<typeof tokenActor>;
let n = 0;
const ext = () => `ext-${Date.now()}-${(n += 1)}`;
const report = (externalId: string, overrides: Record<string, unknown> = {}) => ({ service: service.slug, externalId, title: "Checkout returns 500s", status: "triggered", startedAt: "2026-12-03T09:50:00Z", ...overrides });
const counts = async () => ({ incidents: await db().incident.count(), timeline: await db().incidentTimelineEntry.count(), audit: await db().auditEvent.count() });

beforeAll(async () => {
  const team = await createTeam(db());
  service = await createService(db(), { teamId: team.id });
  other = await createService(db(), { teamId: team.id });
  token = tokenActor({ scopes: ["incidents:write", "incidents:read"], serviceId: service.id });
  otherToken = tokenActor({ scopes: ["incidents:write", "incidents:read"], serviceId: other.id });
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("POST /api/v1/incidents", () => {
  it("creates once, answers a replay with the same id, moves forward, and refuses a move backwards on status", async () => {
    const externalId = ext();
    const created = await reportIncident(db(), token, report(externalId), NOW);
    expect(created).toMatchObject({ created: true, status: "triggered", impact: "MEDIUM", service: service.slug, externalId, startedAt: "2026-12-03T09:50:00.000Z", source: "api" });
    const before = await counts();
    const replay = await reportIncident(db(), token, report(externalId), NOW);
    expect(replay).toMatchObject({ id: created.id, created: false, status: "triggered" });
    expect(await counts()).toEqual(before);
    const acked = await reportIncident(db(), token, report(externalId, { status: "acknowledged" }), new Date("2026-12-03T10:05:00Z"));
    expect(acked).toMatchObject({ id: created.id, status: "acknowledged", acknowledgedAt: "2026-12-03T10:05:00.000Z" });
    const resolved = await reportIncident(db(), token, report(externalId, { status: "resolved", resolvedAt: "2026-12-03T10:20:00Z" }), NOW);
    expect(resolved).toMatchObject({ id: created.id, status: "resolved", resolvedAt: "2026-12-03T10:20:00.000Z" });
    await db().incident.update({ where: { id: created.id }, data: { status: "CLOSED", closedAt: NOW } });
    const backwards = await rejection(reportIncident(db(), token, report(externalId, { status: "acknowledged" }), NOW));
    expect(backwards.code).toBe("CONFLICT");
    expect(backwards.fieldErrors.status).toBeDefined();
  });

  it("reopens a resolved incident when the same externalId is triggered again (it pages again)", async () => {
    const externalId = ext();
    const created = await reportIncident(db(), token, report(externalId, { status: "resolved", resolvedAt: "2026-12-03T09:55:00Z" }), NOW);
    expect(created).toMatchObject({ created: true, status: "resolved" });
    const reopened = await reportIncident(db(), token, report(externalId), NOW);
    expect(reopened).toMatchObject({ id: created.id, status: "triggered", resolvedAt: null });
    const events = await db().domainEvent.findMany({ where: { entityId: created.id }, select: { type: true } });
    expect(events.map((event) => event.type)).toEqual(["incident.reopened"]);
  });

  it("refuses acknowledged after mitigated (backwards) with a field error", async () => {
    const externalId = ext();
    const created = await reportIncident(db(), token, report(externalId), NOW);
    await db().incident.update({ where: { id: created.id }, data: { status: "MITIGATED", acknowledgedAt: NOW, mitigatedAt: NOW } });
    const error = await rejection(reportIncident(db(), token, report(externalId, { status: "acknowledged" }), NOW));
    expect(error.fieldErrors.status).toEqual(["A mitigated incident cannot become acknowledged."]);
  });

  it("makes one incident from concurrent first reports", async () => {
    const externalId = ext();
    const results = await Promise.all([0, 1, 2, 3].map(() => reportIncident(db(), token, report(externalId), NOW)));
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
  });

  it("takes the impact given, else the service's impact for an error alert", async () => {
    await db().service.update({ where: { id: other.id }, data: { errorAlertImpact: "LOW" } });
    expect((await reportIncident(db(), otherToken, { ...report(ext()), service: other.slug }, NOW)).impact).toBe("LOW");
    expect((await reportIncident(db(), token, report(ext(), { impact: "HIGH" }), NOW)).impact).toBe("HIGH");
  });

  it("links a deployment of the service as the cause, and refuses one of another service", async () => {
    const env = await db().environment.upsert({ where: { slug: "production" }, update: {}, create: { slug: "production", name: "Production", isProduction: true }, select: { id: true } });
    const mine = await db().deployment.create({ data: { id: randomUUID(), serviceId: service.id, environmentId: env.id, version: "1.0.0", externalId: ext(), status: "SUCCEEDED", startedAt: NOW }, select: { id: true } });
    const theirs = await db().deployment.create({ data: { id: randomUUID(), serviceId: other.id, environmentId: env.id, version: "1.0.0", externalId: ext(), status: "SUCCEEDED", startedAt: NOW }, select: { id: true } });
    const linked = await reportIncident(db(), token, report(ext(), { deploymentId: mine.id }), NOW);
    expect((await db().incident.findUniqueOrThrow({ where: { id: linked.id }, select: { causeDeploymentId: true } })).causeDeploymentId).toBe(mine.id);
    expect((await rejection(reportIncident(db(), token, report(ext(), { deploymentId: theirs.id }), NOW))).fieldErrors.deploymentId).toBeDefined();
  });

  it("refuses another service's slug and an unknown slug alike for a confined token", async () => {
    const foreign = await rejection(reportIncident(db(), token, { ...report(ext()), service: other.slug }, NOW));
    const unknown = await rejection(reportIncident(db(), token, { ...report(ext()), service: "no-such-service" }, NOW));
    expect([foreign.code, unknown.code, unknown.message]).toEqual(["FORBIDDEN", "FORBIDDEN", foreign.message]);
  });

  const hostile: [string, Record<string, unknown>, string][] = [
    ["a NUL byte in the title", { title: "Bad\u0000title" }, "title"],
    ["a status that is not one of ours", { status: "exploded" }, "status"],
    ["a startedAt that is a number", { startedAt: 1733220000 }, "startedAt"],
    ["resolvedAt before startedAt", { status: "resolved", resolvedAt: "2026-12-03T09:00:00Z" }, "resolvedAt"],
    ["an impact in lower case", { impact: "high" }, "impact"],
    ["an externalId that is an object", { externalId: { id: 1 } }, "externalId"],
  ];
  for (const [what, overrides, path] of hostile) {
    it(`refuses ${what} on ${path}, writing nothing`, async () => {
      const before = await counts();
      const error = await rejection(reportIncident(db(), token, report(ext(), overrides), NOW));
      expect(error.code).toBe("VALIDATION");
      expect(Object.keys(error.fieldErrors)).toContain(path);
      expect(await counts()).toEqual(before);
    });
  }
});

describe("GET /api/v1/incidents", () => {
  it("pages newest first by cursor, and a confined token sees only its own service's incidents", async () => {
    const starts = ["2026-11-01T10:00:00Z", "2026-11-01T11:00:00Z", "2026-11-01T12:00:00Z"];
    const mine: Awaited<ReturnType<typeof reportIncident>>[] = [];
    for (const startedAt of starts) mine.push(await reportIncident(db(), token, report(ext(), { startedAt }), NOW));
    const theirs = await reportIncident(db(), otherToken, { ...report(ext()), service: other.slug }, NOW);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listIncidentsForApi(db(), token, { limit: "2", ...(cursor ? { cursor } : {}) });
      expect(page.incidents.length).toBeLessThanOrEqual(2);
      seen.push(...page.incidents.map((incident) => incident.id));
      cursor = page.next ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expect.arrayContaining(mine.map((incident) => incident.id)));
    expect(seen).not.toContain(theirs.id);
    expect(new Set(seen).size).toBe(seen.length);
    const mineInOrder = seen.filter((id) => mine.some((incident) => incident.id === id));
    expect(mineInOrder).toEqual([...mine].reverse().map((incident) => incident.id));
    // A service filter naming another service gives a confined token nothing, not the other's incidents.
    expect((await listIncidentsForApi(db(), token, { service: other.slug })).incidents).toEqual([]);
    expect((await listIncidentsForApi(db(), tokenActor({ scopes: ["incidents:read", "catalog:read"], serviceId: service.id }), { service: other.slug })).incidents.map((incident) => incident.id)).toContain(theirs.id);
  });

  it("filters by status, refuses a cursor it did not give out, and hides another service's incident", async () => {
    const open = await listIncidentsForApi(db(), token, { status: "open", limit: "200" });
    expect(open.incidents.every((incident) => ["triggered", "acknowledged", "mitigated"].includes(incident.status))).toBe(true);
    expect((await rejection(listIncidentsForApi(db(), token, { cursor: "garbage" }))).fieldErrors.cursor).toBeDefined();
    expect((await rejection(listIncidentsForApi(db(), token, { limit: "0" }))).fieldErrors.limit).toBeDefined();
    const theirs = await reportIncident(db(), otherToken, { ...report(ext()), service: other.slug }, NOW);
    expect((await rejection(getIncidentForApi(db(), token, theirs.id))).code).toBe("NOT_FOUND");
    const detail = await getIncidentForApi(db(), otherToken, theirs.id);
    expect(detail).toMatchObject({ id: theirs.id, services: [other.slug], timeline: [expect.objectContaining({ kind: "declared" })] });
  });
});
