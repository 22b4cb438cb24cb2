// Every route handler of the public API × every kind of caller: nobody, each demo role's session, a
// token of the service the request is about, and a token of another service. What each may do is
// computed from the permission matrix itself (lib/authz), so the routes are held to exactly the matrix.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import type { Actor } from "../../lib/auth/actor";
import { can } from "../../lib/authz/can";
import type { Permission } from "../../lib/authz/permissions";
import { TOKEN_SCOPES } from "../../lib/tokens/schemas";
import { alertmanagerPayload, PAGERDUTY_DOC_RESOLVE } from "../../test/fixtures/alert-payloads";
import { withDatabase } from "../database";
import { expect, test, type Role } from "../fixtures";

const SERVICE = "checkout-api";
const OTHER = "basket-service";
const SCOPES = TOKEN_SCOPES.filter((scope) => scope !== "catalog:read");
const databaseEnv = { DATABASE_URL: "", RUNWELL_DATA_DIR: process.env.E2E_DATA_DIR, RUNWELL_DB_PORT: process.env.E2E_DB_PORT ?? "55500" };

function tokenFor(service: string): string {
  const made = spawnSync("npm", ["run", "-s", "cli", "--", "token", "create", "--service", service, "--scopes", SCOPES.join(","), "--name", `matrix ${Date.now()}`], {
    encoding: "utf8", env: { ...process.env, ...databaseEnv },
  });
  expect(made.status, made.stderr).toBe(0);
  return made.stdout.trim();
}

type Ids = { deploymentId: string; changeId: string; serviceId: string; auditEventId: string; incidentId: string };
type Call = (api: APIRequestContext, headers: Record<string, string>, ids: Ids) => Promise<APIResponse>;
type Operation = {
  permission: Permission;
  call: Call;
  /** What a token of another service gets for a request about SERVICE: refused, or an answer without SERVICE's data. */
  foreign: "refused" | ((response: APIResponse) => Promise<void>);
  /** A route whose credential is in the body (PagerDuty's routing_key): a session is no caller there, whatever its role. */
  sessions?: "unauthenticated";
};

const run = () => `matrix-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
const OPERATIONS: Record<string, Operation> = {
  "GET /api/v1/services": {
    permission: "catalog.read",
    call: (api, headers) => api.get("/api/v1/services", { headers }),
    foreign: async (response) => expect(((await response.json()) as { slug: string }[]).map((service) => service.slug)).toEqual([OTHER]),
  },
  "GET /api/v1/services/{}/oncall": { permission: "oncall.read", call: (api, headers) => api.get(`/api/v1/services/${SERVICE}/oncall`, { headers }), foreign: "refused" },
  "GET /api/v1/services/{}/availability": {
    permission: "incidents.read",
    call: (api, headers) => api.get(`/api/v1/services/${SERVICE}/availability?days=28`, { headers }),
    foreign: "refused",
  },
  "GET /api/v1/runbooks/lookup": {
    permission: "runbooks.read",
    call: (api, headers) => api.get(`/api/v1/runbooks/lookup?service=${SERVICE}&alert=CheckoutLatencyHigh`, { headers }),
    foreign: "refused",
  },
  "GET /api/v1/deployments": {
    permission: "deployments.read",
    call: (api, headers) => api.get(`/api/v1/deployments?service=${SERVICE}`, { headers }),
    foreign: async (response) => expect(await response.json()).toEqual([]),
  },
  "POST /api/v1/deployments": {
    permission: "deployments.report",
    call: (api, headers) => api.post("/api/v1/deployments", { headers, data: { service: SERVICE, environment: "staging", version: run(), externalId: run(), status: "started", startedAt: new Date().toISOString() } }),
    foreign: "refused",
  },
  "POST /api/v1/deployments/{}/health-checks": {
    permission: "deployments.health-check",
    call: (api, headers, ids) => api.post(`/api/v1/deployments/${ids.deploymentId}/health-checks`, { headers, data: { name: "matrix", status: "pass" } }),
    foreign: "refused",
  },
  "POST /api/v1/changes/gate": {
    permission: "changes.gate",
    call: (api, headers) => api.post("/api/v1/changes/gate", { headers, data: { service: SERVICE, environment: "staging", version: run() } }),
    foreign: "refused",
  },
  "GET /api/v1/changes/{}/evidence": { permission: "changes.evidence", call: (api, headers, ids) => api.get(`/api/v1/changes/${ids.changeId}/evidence`, { headers }), foreign: "refused" },
  "POST /api/v1/incidents": {
    permission: "incidents.declare",
    call: (api, headers) => api.post("/api/v1/incidents", { headers, data: { service: SERVICE, externalId: run(), title: "Matrix incident", status: "resolved", startedAt: new Date(Date.now() - 60_000).toISOString(), resolvedAt: new Date().toISOString() } }),
    foreign: "refused",
  },
  "GET /api/v1/incidents": {
    permission: "incidents.read",
    call: (api, headers) => api.get(`/api/v1/incidents?service=${SERVICE}`, { headers }),
    foreign: async (response) => expect(((await response.json()) as { incidents: unknown[] }).incidents).toEqual([]),
  },
  // basket-service (OTHER) is the checkout team's too: its token reads the same team's backlog.
  "GET /api/v1/teams/{}/backlog": {
    permission: "backlog.read",
    call: (api, headers) => api.get("/api/v1/teams/checkout/backlog", { headers }),
    foreign: async (response) => expect(((await response.json()) as { team: { slug: string } }).team.slug).toBe("checkout"),
  },
  // The learning library is for people: tokens are refused, whatever their scope.
  "GET /api/v1/reviews": { permission: "reviews.read", call: (api, headers) => api.get("/api/v1/reviews?limit=5", { headers }), foreign: "refused" },
  "GET /api/v1/incidents/{}": { permission: "incidents.read", call: (api, headers, ids) => api.get(`/api/v1/incidents/${ids.incidentId}`, { headers }), foreign: "refused" },
  "POST /api/v1/integrations/alertmanager": {
    permission: "incidents.declare",
    call: (api, headers) => api.post(`/api/v1/integrations/alertmanager?service=${SERVICE}`, { headers, data: alertmanagerPayload(`{}:{matrix="${run()}"}`, [{ status: "resolved", endsAt: new Date().toISOString() }]) }),
    foreign: "refused",
  },
  // The routing_key names the token, and the token its service: another service's token reports for its own.
  "POST /api/v1/integrations/pagerduty/enqueue": {
    permission: "incidents.declare",
    call: (api, headers) => api.post("/api/v1/integrations/pagerduty/enqueue", { data: { ...PAGERDUTY_DOC_RESOLVE, dedup_key: run(), routing_key: headers.authorization?.replace(/^Bearer /, "") } }),
    foreign: async (response) => expect(await response.json()).toMatchObject({ status: "success" }),
    sessions: "unauthenticated",
  },
  "GET /api/v1/audit/export": { permission: "audit.export", call: (api, headers) => api.get(`/api/v1/audit/export?service=${SERVICE}&format=json`, { headers }), foreign: "refused" },
  "GET /api/v1/audit/events/{}": { permission: "audit.read", call: (api, headers, ids) => api.get(`/api/v1/audit/events/${ids.auditEventId}`, { headers }), foreign: "refused" },
  "GET /api/v1/audit/verify": { permission: "audit.verify", call: (api, headers) => api.get("/api/v1/audit/verify?mode=incremental", { headers }), foreign: "refused" },
};

/** Every route handler file's operations, as "METHOD /path/{}". */
function routeOperations(dir = "app/api/v1"): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeOperations(full);
    if (name !== "route.ts") return [];
    const route = "/" + path.relative("app", dir).replace(/\[[^\]]+\]/g, "{}");
    if (route.endsWith("openapi.json")) return []; // public by design: it holds no data
    const source = readFileSync(full, "utf8");
    return [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((match) => `${match[1]} ${route}`);
  });
}

const ROLE_OF: Record<Role, Extract<Actor, { kind: "PERSON" }>["role"]> = { engineer: "ENGINEER", "product-manager": "PRODUCT_MANAGER", "change-manager": "CHANGE_MANAGER", admin: "ADMIN" };
// The API's permissions name no team grants, so a person's role decides (checked below).
const person = (role: Role): Actor => ({ kind: "PERSON", id: role, name: role, email: role, role: ROLE_OF[role], isIncidentManager: false, teamIds: [] });

const allowed = (response: APIResponse) => ![401, 403].includes(response.status());

test("every API route answers every caller exactly as the permission matrix says", async ({ apiAs }) => {
  test.setTimeout(120_000);
  expect(Object.keys(OPERATIONS).sort()).toEqual(routeOperations().sort());
  const own = tokenFor(SERVICE);
  const foreign = tokenFor(OTHER);
  const found = await withDatabase(async (prisma) => {
    const service = await prisma.service.findUniqueOrThrow({ where: { slug: SERVICE }, select: { id: true } });
    const deployment = await prisma.deployment.findFirstOrThrow({ where: { serviceId: service.id }, select: { id: true } });
    const change = await prisma.changeRequest.findFirstOrThrow({ where: { serviceId: service.id }, select: { id: true } });
    const auditEvent = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "Service", entityId: service.id }, select: { id: true } });
    return { serviceId: service.id, deploymentId: deployment.id, changeId: change.id, auditEventId: auditEvent.id };
  });
  const reported = await (await apiAs(null)).post("/api/v1/incidents", { headers: { authorization: `Bearer ${own}` }, data: { service: SERVICE, externalId: run(), title: "Matrix incident", status: "resolved", startedAt: new Date(Date.now() - 60_000).toISOString(), resolvedAt: new Date().toISOString() } });
  expect(reported.status()).toBe(201);
  const ids: Ids = { ...found, incidentId: ((await reported.json()) as { id: string }).id };
  const anonymous = await apiAs(null);
  const failures: string[] = [];
  const expectThat = (ok: boolean, what: string) => void (ok || failures.push(what));

  for (const [name, operation] of Object.entries(OPERATIONS)) {
    const anon = await operation.call(anonymous, {}, ids);
    expectThat(anon.status() === 401, `${name} without a session answered ${anon.status()}, not 401`);

    for (const role of Object.keys(ROLE_OF) as Role[]) {
      const response = await operation.call(await apiAs(role), {}, ids);
      if (operation.sessions === "unauthenticated") {
        expectThat(response.status() === 401, `${name} as ${role} answered ${response.status()}, not 401 (it takes no session)`);
        continue;
      }
      const expected = can(person(role), operation.permission);
      expectThat(allowed(response) === expected && response.status() < 500, `${name} as ${role} answered ${response.status()}; the matrix says ${expected ? "allowed" : "403"}`);
      if (!expected) expectThat(response.status() === 403, `${name} as ${role} answered ${response.status()}, not 403`);
    }

    const tokenActor: Actor = { kind: "TOKEN", id: "own", label: "own", scopes: [...SCOPES], serviceId: ids.serviceId };
    const mine = await operation.call(anonymous, { authorization: `Bearer ${own}` }, ids);
    const expected = can(tokenActor, operation.permission, { serviceId: ids.serviceId });
    expectThat(allowed(mine) === expected && mine.status() < 500, `${name} with its own service's token answered ${mine.status()}; the matrix says ${expected ? "allowed" : "403"}`);

    const theirs = await operation.call(anonymous, { authorization: `Bearer ${foreign}` }, ids);
    if (operation.foreign === "refused") expectThat([403, 404].includes(theirs.status()), `${name} with another service's token answered ${theirs.status()}, not 403/404`);
    else {
      expectThat(theirs.ok(), `${name} with another service's token answered ${theirs.status()}`);
      if (theirs.ok()) await operation.foreign(theirs);
    }
  }
  expect(failures).toEqual([]);
});
