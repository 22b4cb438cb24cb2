// The incident API, the Alertmanager receiver and the PagerDuty Events v2 enqueue through the built
// app's real HTTP API, with the payloads from each format's public documentation
// (test/fixtures/alert-payloads.ts): replays, dedup, a 1,000-alert storm, and who may call.
import { spawnSync } from "node:child_process";
import type { APIRequestContext } from "@playwright/test";
import { alertmanagerPayload, alertStorm, PAGERDUTY_DOC_ACKNOWLEDGE, PAGERDUTY_DOC_RESOLVE, PAGERDUTY_DOC_TRIGGER } from "../../test/fixtures/alert-payloads";
import { createService, createTeam } from "../../prisma/seed/factories";
import { withDatabase } from "../database";
import { expect, test } from "../fixtures";

// Services of this spec's own: the documented payloads carry alerts that started years ago, which
// count as years of unavailability against the service's error budget; on a demo service the budget
// policy would then hold every other spec's standard changes.
const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const SERVICE = `e2e-alerts-${RUN}`;
const OTHER = `e2e-alerts-other-${RUN}`;
const databaseEnv = { DATABASE_URL: "", RUNWELL_DATA_DIR: process.env.E2E_DATA_DIR, RUNWELL_DB_PORT: process.env.E2E_DB_PORT ?? "55500" };

function tokenFor(service: string, scopes = "incidents:write,incidents:read"): string {
  const made = spawnSync("npm", ["run", "-s", "cli", "--", "token", "create", "--service", service, "--scopes", scopes, "--name", `incidents e2e ${Date.now()}`], {
    encoding: "utf8", env: { ...process.env, ...databaseEnv },
  });
  expect(made.status, made.stderr).toBe(0);
  return made.stdout.trim();
}

const run = () => `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

let own = "";
let foreign = "";
let api: APIRequestContext;

test.beforeAll(async ({ playwright, baseURL }) => {
  await withDatabase(async (prisma) => {
    const team = await createTeam(prisma, { name: `E2E Alerts ${RUN}`, slug: `e2e-alerts-team-${RUN}` });
    await createService(prisma, { teamId: team.id, name: `E2E Alerts ${RUN}`, slug: SERVICE });
    await createService(prisma, { teamId: team.id, name: `E2E Alerts other ${RUN}`, slug: OTHER });
  });
  own = tokenFor(SERVICE);
  foreign = tokenFor(OTHER);
  api = await playwright.request.newContext({ baseURL });
});
test.afterAll(async () => api.dispose());

test("Alertmanager: the documented payload opens one incident, a replay changes nothing, resolving every alert resolves it", async () => {
  const groupKey = `{}:{alertname="ProbeFailure", run="${run()}"}`;
  const url = "/api/v1/integrations/alertmanager";
  const fired = await api.post(url, { headers: bearer(own), data: alertmanagerPayload(groupKey) });
  expect(fired.status()).toBe(200);
  const opened = (await fired.json()) as { outcome: string; incident: { id: string } };
  expect(opened.outcome).toBe("opened");
  const replay = await api.post(url, { headers: bearer(own), data: alertmanagerPayload(groupKey) });
  expect(await replay.json()).toMatchObject({ outcome: "unchanged", incident: { id: opened.incident.id } });

  expect((await api.post(url, { data: alertmanagerPayload(groupKey) })).status()).toBe(401);
  expect((await api.post(`${url}?service=${SERVICE}`, { headers: bearer(foreign), data: alertmanagerPayload(groupKey) })).status()).toBe(403);
  const hostile = await api.post(url, { headers: bearer(own), data: alertmanagerPayload(groupKey, [{ labels: { alertname: "x\u0000" } }]) });
  expect(hostile.status()).toBe(422);
  expect(((await hostile.json()) as { error: { fields: Record<string, string> } }).error.fields["alerts.0.labels.alertname"]).toBeDefined();

  const resolved = await api.post(url, { headers: bearer(own), data: alertmanagerPayload(groupKey, [{ status: "resolved", endsAt: new Date().toISOString() }]) });
  expect(await resolved.json()).toMatchObject({ outcome: "resolved" });
  const incident = await api.get(`/api/v1/incidents/${opened.incident.id}`, { headers: bearer(own) });
  expect(await incident.json()).toMatchObject({ id: opened.incident.id, status: "resolved", source: "alertmanager", service: SERVICE });
});

test("Alertmanager: a storm of 1,000 alerts in one payload makes one incident with 1,000 alerts", async () => {
  const groupKey = `{}:{alertname="ProbeFailure", storm="${run()}"}`;
  const first = await api.post("/api/v1/integrations/alertmanager", { headers: bearer(own), data: alertStorm(groupKey, 1000) });
  expect(await first.json()).toMatchObject({ outcome: "opened", alerts: { changed: 1000, firing: 1000 } });
  const again = await api.post("/api/v1/integrations/alertmanager", { headers: bearer(own), data: alertStorm(groupKey, 1000) });
  expect(await again.json()).toMatchObject({ outcome: "unchanged" });
  const rows = await withDatabase(async (prisma) => {
    const incidents = await prisma.incident.findMany({ where: { dedupKey: groupKey }, select: { id: true } });
    return { incidents: incidents.length, alerts: await prisma.incidentAlert.count({ where: { incidentId: { in: incidents.map((incident) => incident.id) } } }) };
  });
  expect(rows).toEqual({ incidents: 1, alerts: 1000 });
});

test("PagerDuty Events v2: trigger, replay, acknowledge, resolve and a new incident after, answered as PagerDuty does", async () => {
  const url = "/api/v1/integrations/pagerduty/enqueue";
  const dedup = run();
  const trigger = { ...PAGERDUTY_DOC_TRIGGER, routing_key: own, dedup_key: dedup };
  const accepted = await api.post(url, { data: trigger });
  expect(accepted.status()).toBe(202);
  expect(await accepted.json()).toEqual({ status: "success", message: "Event processed", dedup_key: dedup });
  expect((await api.post(url, { data: trigger })).status()).toBe(202);
  expect((await api.post(url, { data: { ...PAGERDUTY_DOC_ACKNOWLEDGE, routing_key: own, dedup_key: dedup } })).status()).toBe(202);
  expect((await api.post(url, { data: { ...PAGERDUTY_DOC_RESOLVE, routing_key: own, dedup_key: dedup } })).status()).toBe(202);
  // Acknowledge and resolve of an unknown key: accepted, nothing happens.
  expect((await api.post(url, { data: { ...PAGERDUTY_DOC_RESOLVE, routing_key: own, dedup_key: run() } })).status()).toBe(202);
  expect((await api.post(url, { data: trigger })).status()).toBe(202);
  const page = (await (await api.get(`/api/v1/incidents?service=${SERVICE}&limit=200`, { headers: bearer(own) })).json()) as { incidents: { id: string; status: string; source: string; title: string }[] };
  const statuses = await withDatabase((prisma) => prisma.incident.findMany({ where: { dedupKey: dedup }, orderBy: { number: "asc" }, select: { id: true, status: true } }));
  expect(statuses.map((incident) => incident.status)).toEqual(["RESOLVED", "TRIGGERED"]);
  expect(page.incidents.map((incident) => incident.id)).toEqual(expect.arrayContaining(statuses.map((incident) => incident.id)));

  // A trigger without a dedup_key gets one made up, as PagerDuty does.
  const generated = (await (await api.post(url, { data: { ...trigger, dedup_key: undefined } })).json()) as { dedup_key: string };
  expect(generated.dedup_key).toMatch(/^[0-9a-f]{32}$/);

  const invalid = await api.post(url, { data: { routing_key: own, event_action: "trigger", payload: { summary: "", source: "host", severity: "fatal" } } });
  expect(invalid.status()).toBe(400);
  expect(await invalid.json()).toMatchObject({ status: "invalid event", message: "Event object is invalid", errors: expect.arrayContaining([expect.stringContaining("payload.summary"), expect.stringContaining("payload.severity")]) });
  expect((await api.post(url, { data: { ...trigger, routing_key: undefined } })).status()).toBe(401);
  expect((await api.post(url, { data: { ...trigger, routing_key: "rw_not-a-token" } })).status()).toBe(401);
  const readOnly = tokenFor(SERVICE, "incidents:read");
  expect((await api.post(url, { data: { ...trigger, routing_key: readOnly } })).status()).toBe(403);
});

test("incident API: 201 then 200 with the same id, forward moves, 409 backwards, and who may see it", async () => {
  const externalId = run();
  const body = { service: SERVICE, externalId, title: "Checkout returns 500s", status: "triggered", startedAt: new Date(Date.now() - 60_000).toISOString() };
  const created = await api.post("/api/v1/incidents", { headers: bearer(own), data: body });
  expect(created.status()).toBe(201);
  const incident = (await created.json()) as { id: string; number: number; impact: string };
  expect(incident).toMatchObject({ status: "triggered", impact: "MEDIUM", externalId });
  const replay = await api.post("/api/v1/incidents", { headers: bearer(own), data: body });
  expect([replay.status(), ((await replay.json()) as { id: string }).id]).toEqual([200, incident.id]);
  const resolved = await api.post("/api/v1/incidents", { headers: bearer(own), data: { ...body, status: "resolved", resolvedAt: new Date().toISOString() } });
  expect(await resolved.json()).toMatchObject({ id: incident.id, status: "resolved" });
  const backwards = await api.post("/api/v1/incidents", { headers: bearer(own), data: { ...body, status: "acknowledged" } });
  expect(backwards.status()).toBe(409);
  expect(((await backwards.json()) as { error: { fields: Record<string, string> } }).error.fields.status).toBeDefined();

  expect((await api.post("/api/v1/incidents", { data: body })).status()).toBe(401);
  expect((await api.post("/api/v1/incidents", { headers: bearer(foreign), data: { ...body, externalId: run() } })).status()).toBe(403);
  expect((await api.get(`/api/v1/incidents/${incident.id}`, { headers: bearer(foreign) })).status()).toBe(404);
  const theirs = (await (await api.get(`/api/v1/incidents?service=${SERVICE}`, { headers: bearer(foreign) })).json()) as { incidents: unknown[] };
  expect(theirs.incidents).toEqual([]);
  const invalid = await api.post("/api/v1/incidents", { headers: bearer(own), data: { ...body, startedAt: 12 } });
  expect(invalid.status()).toBe(422);
});
