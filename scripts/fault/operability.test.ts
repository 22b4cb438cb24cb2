// The operability endpoints against the real built app (`npm run build` first): request ids,
// readiness, and metrics by route pattern, summed over two web workers, behind RUNWELL_METRICS_TOKEN.
import { afterAll, describe, expect, it } from "vitest";
import { get, request, until } from "./harness";
import { startFaultPortal, type FaultPortal } from "./portal";

const portals: FaultPortal[] = [];
afterAll(async () => {
  for (const portal of portals) await portal.cleanup();
});

const METRICS_TOKEN = "metrics-test-token-0123456789";

describe("operability of the built app (two web workers)", () => {
  it("ids requests, says it is ready, and serves metrics by route pattern summed over the workers", async () => {
    const portal = await startFaultPortal({ ownDatabase: false, env: { RUNWELL_WEB_WORKERS: "2", RUNWELL_METRICS_TOKEN: METRICS_TOKEN } });
    portals.push(portal);
    const scrape = async () => (await get(portal.port, "/api/metrics", { authorization: `Bearer ${METRICS_TOKEN}` }))!;

    // Request ids: a sane incoming one is kept, anything else replaced.
    expect((await get(portal.port, "/api/health", { "x-request-id": "probe-1234" }))?.headers["x-request-id"]).toBe("probe-1234");
    expect((await get(portal.port, "/api/health", { "x-request-id": "not sane!" }))?.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

    // Readiness names what it checked.
    const ready = await get(portal.port, "/api/ready");
    expect(ready?.status).toBe(200);
    expect(JSON.parse(ready!.body)).toMatchObject({ status: "ready", checks: { database: { ok: true }, migrations: { ok: true } } });

    // The scrape wants the token.
    expect((await get(portal.port, "/api/metrics"))?.status).toBe(401);
    expect((await get(portal.port, "/api/metrics", { authorization: "Bearer wrong-token-0123456789" }))?.status).toBe(401);

    // Both workers answer the primary (and so have run instrumentation's register()).
    await until("both workers to report", async () => (await scrape()).body.includes('runwell_web_workers{state="reporting"} 2'));
    const before = (await scrape()).body;
    const countOf = (text: string, labels: string) => Number(new RegExp(`^runwell_http_request_duration_seconds_count\\{${labels}\\} (\\d+)$`, "m").exec(text)?.[1] ?? 0);
    // Ten refused health-check reports (a 4xx: no such deployment, no health:write scope) on ten
    // connections: the cluster hands them to both workers.
    const statuses = new Set<number>();
    for (let i = 0; i < 10; i++) {
      const answer = await request(portal.port, "POST", `/api/v1/deployments/dep-${i}/health-checks`, { headers: { authorization: `Bearer ${portal.token}` }, body: "{}" });
      statuses.add(answer?.status ?? 0);
    }
    expect(statuses.size).toBe(1);
    const [status] = [...statuses] as [number];
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    const routeLabels = `route="/api/v1/deployments/\\[id\\]/health-checks",method="POST",status="${status}"`;
    const after = await until("the ten requests to be counted", async () => {
      const text = (await scrape()).body;
      return countOf(text, routeLabels) - countOf(before, routeLabels) === 10 ? text : null;
    });
    expect(after).not.toMatch(/route="\/api\/v1\/deployments\/dep-/); // patterns, not raw paths
    expect(after).toMatch(/^runwell_db_pool_connections\{state="max"\} 20$/m); // 2 workers × DATABASE_POOL_SIZE 10
    expect(after).toMatch(/^runwell_database_up 1$/m);
    expect(after).toMatch(/^runwell_audit_unsealed_events \d+$/m);
    expect(after).toMatch(/^runwell_audit_chain_last_verification_ok -1$/m);
    // The queue's workers declare every queue's counters (the seal backlog is a scheduled job).
    expect(after).toMatch(/^runwell_job_failures_total\{queue="schedule.audit-seal-backlog"\} \d+$/m);
    expect(after).toMatch(/^runwell_job_runs_total\{queue="schedule.audit-seal-backlog"\} \d+$/m);
    expect(await portal.stop()).toEqual({ code: 0, signal: null });
  });
});
