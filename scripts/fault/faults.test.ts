// The short form of the fault scripts, against the built app (`npm run build` first):
// kill -9 of next-server during an ingest burst, then SIGTERM with a request in flight; and
// PostgreSQL killed and restarted under load.
// The full forms: `npm run -s fault:server`, `npm run -s fault:postgres` (more kills, more load).
import { afterAll, describe, expect, it } from "vitest";
import { halfSentReport } from "./half-sent-report";
import { portAccepts, until } from "./harness";
import { killPostgresFaultHeld, killPostgresUnderLoad } from "./kill-postgres-under-load";
import { killServerDuringIngest, killServerFaultHeld } from "./kill-server-during-ingest";
import { startFaultPortal, type FaultPortal } from "./portal";

const portals: FaultPortal[] = [];
afterAll(async () => {
  for (const portal of portals) await portal.cleanup();
});

const log = (line: string) => console.error(`[fault] ${line}`);

describe("fault: kill -9 of next-server during an ingest burst", () => {
  it("loses no acknowledged write, keeps the audit chain valid, the launcher brings the portal back, and SIGTERM drains", async () => {
    const portal = await startFaultPortal({ ownDatabase: false, log });
    portals.push(portal);
    const report = await killServerDuringIngest(portal, { kills: 2, concurrency: 6, acksBetweenKills: 40, log });
    log(`kill -9 report: ${JSON.stringify({ kills: report.kills, burst: report.burst, sealedAfterMs: report.sealedAfterMs })}`);
    expect(report.kills).toHaveLength(2);
    expect(report.burst.rejected).toEqual([]);
    expect(report.writes).toEqual({ acknowledged: report.burst.acknowledged, missing: [], differentId: [], withoutAuditEvent: [] });
    expect(report.chain).toMatchObject({ ok: true, firstBrokenEventId: null });
    expect(killServerFaultHeld(report)).toBe(true);

    // Then the same portal is stopped the way an orchestrator stops it, with a report half sent.
    const inFlight = halfSentReport(portal);
    await inFlight.taken;
    portal.launcher.child.kill("SIGTERM");
    await until("the server to stop taking new connections", async () => !(await portAccepts(portal.port)));
    expect(portal.launcher.hasExited()).toBe(false);
    inFlight.finish();
    // Written: the server finished it, and the embedded database stopped only afterwards.
    expect((await inFlight.answer).status).toBe(201);
    expect(await portal.launcher.exited).toEqual({ code: 0, signal: null });
    const output = portal.launcher.output();
    expect(output.indexOf("SIGTERM: finishing the requests in flight")).toBeLessThan(output.indexOf("Stopping the embedded PostgreSQL"));
  });
});

describe("fault: PostgreSQL killed and restarted under load", () => {
  it("answers 503 on /api/ready while it is down, 200 once it is back, and recovers without a restart of the app", async () => {
    const portal = await startFaultPortal({ ownDatabase: true, log });
    portals.push(portal);
    const report = await killPostgresUnderLoad(portal, { concurrency: 6, acks: 40, log });
    log(`PostgreSQL report: ${JSON.stringify({ timeline: report.timeline, burst: report.burst })}`);
    expect(report.notReadyBody).toMatchObject({ status: "not ready", checks: { database: { ok: false }, migrations: { ok: false } } });
    expect(report.failedRequest).toMatchObject({ status: 500, logged: true });
    expect(report.failedRequest.requestIdBody).toBe(report.failedRequest.requestIdHeader);
    expect(report.sameServerProcess).toBe(true);
    expect(report.serverRestarts).toBe(0);
    expect(report.writes).toEqual({ acknowledged: report.burst.acknowledged, missing: [], differentId: [], withoutAuditEvent: [] });
    expect(report.chain.ok).toBe(true);
    expect(killPostgresFaultHeld(report)).toBe(true);
    expect(await portal.stop()).toEqual({ code: 0, signal: null });
  });
});
