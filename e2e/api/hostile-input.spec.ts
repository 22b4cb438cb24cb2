// Through HTTP, against the built portal: a pipeline sends one `commits` list (the report's commit
// objects) to the gate and to the deployment report; and input the database cannot store (a NUL, a
// lone surrogate, year 0000, an INT4-busting number), in bodies, queries and paths, answers a 4xx
// naming the field, never a 500.
import { spawnSync } from "node:child_process";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../fixtures";

// A demo service no other spec reports for; staging, so no change control or notifications are involved.
const SERVICE = "profile-api";
const databaseEnv = { DATABASE_URL: "", RUNWELL_DATA_DIR: process.env.E2E_DATA_DIR, RUNWELL_DB_PORT: process.env.E2E_DB_PORT ?? "55500" };

function createToken(scopes: string): string {
  const result = spawnSync("npm", ["run", "-s", "cli", "--", "token", "create", "--service", SERVICE, "--scopes", scopes, "--name", `E2E hostile ${Date.now()}`], {
    encoding: "utf8",
    env: { ...process.env, ...databaseEnv },
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim();
}

let headers: Record<string, string>;
test.beforeAll(() => {
  headers = { Authorization: `Bearer ${createToken("gate:read,deployments:write,health:write,oncall:read,runbooks:read,audit:read")}` };
});

const runId = () => `e2e-hostile-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;

/** A JSON body written by hand, so escapes like \u0000 and \ud83d arrive exactly as a client sends them. */
const postRaw = (api: APIRequestContext, url: string, json: string) =>
  api.post(url, { headers: { ...headers, "content-type": "application/json" }, data: Buffer.from(json, "utf8") });

test("the gate takes the deployment report's commit list, and the report takes the same list", async ({ apiAs }) => {
  const api = await apiAs(null);
  const version = runId();
  const commits = [
    { sha: "c0ffee1234", committedAt: new Date(Date.now() - 3_600_000).toISOString(), message: "Faster profile reads", author: "E2E" },
    { sha: "beef5678", committedAt: new Date(Date.now() - 1_800_000).toISOString() },
  ];
  const gate = await api.post("/api/v1/changes/gate", { headers, data: { service: SERVICE, environment: "staging", version, commits } });
  expect(gate.status(), await gate.text()).toBe(200);
  expect(await gate.json()).toMatchObject({ decision: "allow", changeType: null });

  // Bare shas still work, and may be mixed with objects.
  const mixed = await api.post("/api/v1/changes/gate", { headers, data: { service: SERVICE, environment: "staging", version, commits: ["c0ffee1234", { sha: "beef5678" }] } });
  expect(mixed.status(), await mixed.text()).toBe(200);

  const report = await api.post("/api/v1/deployments", {
    headers,
    data: { service: SERVICE, environment: "staging", version, externalId: version, status: "started", startedAt: new Date().toISOString(), commits },
  });
  expect(report.status(), await report.text()).toBe(201);

  const badObject = await api.post("/api/v1/changes/gate", { headers, data: { service: SERVICE, environment: "staging", version, commits: [{ sha: "not hex" }] } });
  expect(badObject.status()).toBe(422);
  expect(await badObject.json()).toMatchObject({ error: { code: "VALIDATION", fields: { "commits.0.sha": "A commit SHA is 7 to 64 hexadecimal characters." } } });
});

test("text and dates the database cannot store answer 422 naming the field, and nothing is written", async ({ apiAs }) => {
  const api = await apiAs(null);
  const version = runId();
  const start = new Date().toISOString();
  const cases: [url: string, json: string, field: string][] = [
    ["/api/v1/deployments", `{"service":"${SERVICE}","environment":"staging","version":"${version}\\u0000","externalId":"${version}","status":"started","startedAt":"${start}"}`, "version"],
    ["/api/v1/deployments", `{"service":"${SERVICE}","environment":"staging","version":"${version}","externalId":"${version}","status":"started","startedAt":"0000-01-01T00:00:00Z"}`, "startedAt"],
    ["/api/v1/deployments", `{"service":"${SERVICE}","environment":"staging","version":"${version}","externalId":"${version}","status":"started","startedAt":"${start}","deployer":"x\\ud83d"}`, "deployer"],
    ["/api/v1/deployments", `{"service":"${SERVICE}","environment":"staging","version":"${version}","externalId":"${version}","status":"started","startedAt":"${start}","commits":[{"sha":"abcdef12","committedAt":"${start}","message":"a\\u0000"}]}`, "commits.0.message"],
    ["/api/v1/changes/gate", `{"service":"${SERVICE}","environment":"staging","version":"${version}","commits":["abcd\\u0000"]}`, "commits.0"],
    ["/api/v1/changes/gate", `{"service":"${SERVICE}","environment":"staging","version":"${version}","commits":[{"sha":"abcdef12","committedAt":"0000-01-01T00:00:00Z"}]}`, "commits.0.committedAt"],
    ["/api/v1/changes/gate", `{"service":"${SERVICE}","environment":"staging","version":"${version}","plannedAt":"9999-12-31T23:30:00-01:00"}`, "plannedAt"],
  ];
  for (const [url, json, field] of cases) {
    const response = await postRaw(api, url, json);
    expect(response.status(), `${url} ${json}: ${await response.text()}`).toBe(422);
    expect((await response.json()).error.fields, json).toHaveProperty([field]);
  }
  const listed = await api.get(`/api/v1/deployments?service=${SERVICE}&limit=200`, { headers });
  expect(((await listed.json()) as { version: string }[]).some((deployment) => deployment.version.startsWith(version))).toBe(false);
});

test("NULs in queries and paths, and out-of-range numbers, answer a 4xx, not a 500", async ({ apiAs }) => {
  const api = await apiAs(null);
  const answers = [
    ["/api/v1/deployments?service=%00", 422],
    ["/api/v1/deployments?limit=9007199254740993", 422],
    ["/api/v1/audit/export?action=%00", 400],
    ["/api/v1/audit/export?from=0000-01-01", 400],
    [`/api/v1/runbooks/lookup?service=${SERVICE}&alert=%00`, 422],
    // A service token asking about a slug that is not its own (none can hold a NUL) is told just that.
    ["/api/v1/services/%00/oncall", 403],
    ["/api/v1/changes/%00/evidence", 404],
  ] as const;
  for (const [url, status] of answers) {
    const response = await api.get(url, { headers });
    expect(response.status(), `${url}: ${await response.text()}`).toBe(status);
  }
  const check = await postRaw(api, "/api/v1/deployments/%00/health-checks", `{"name":"smoke","status":"pass"}`);
  expect(check.status(), await check.text()).toBe(404);
});
