// Fault: `kill -9` of the PostgreSQL postmaster while pipelines report deployments, then PostgreSQL
// started again on the same data and port. Holds when: /api/ready answers 503 naming the database
// while it is down and 200 once it is back; a request that fails meanwhile answers 500 with the
// request id of its x-request-id header, and that id is in the server's log; the same next-server
// process serves again (no restart of the app); every acknowledged report is in the database with its
// audit event; the audit chain verifies.
//
//   npm run -s fault:postgres -- [--concurrency 8] [--acks 200]     (needs `npm run build`)
// The short form runs in `npm test` (scripts/fault/faults.test.ts).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { ChainVerification } from "../../lib/audit/verify-audit-chain";
import { alive, get, postmasterPid, request, serverPids, until, type Exit } from "./harness";
import { startIngestBurst, type BurstResult } from "./ingest-burst";
import { checkAcknowledgedWrites, FAULT_ENVIRONMENT, FAULT_SERVICE, readiness, startFaultPortal, verifyChain, type FaultPortal, type WriteCheck } from "./portal";

export type KillPostgresOptions = { concurrency: number; acks: number; log?: (line: string) => void };

export type KillPostgresReport = {
  /** Milliseconds from the kill. */
  timeline: { notReadyMs: number; restartedMs: number; readyMs: number; firstWriteAfterMs: number };
  notReadyBody: unknown;
  failedRequest: { status: number; requestIdHeader: string | undefined; requestIdBody: string | undefined; logged: boolean };
  /** The next-server that served before the kill is the one serving after it. */
  sameServerProcess: boolean;
  serverRestarts: number;
  burst: Omit<BurstResult, "acknowledged"> & { acknowledged: number };
  writes: WriteCheck;
  chain: ChainVerification;
};

export function killPostgresFaultHeld(report: KillPostgresReport): boolean {
  const { writes, failedRequest } = report;
  return (
    report.chain.ok &&
    report.sameServerProcess &&
    report.serverRestarts === 0 &&
    failedRequest.status === 500 &&
    failedRequest.requestIdHeader !== undefined &&
    failedRequest.requestIdHeader === failedRequest.requestIdBody &&
    failedRequest.logged &&
    report.burst.rejected.length === 0 &&
    writes.missing.length === 0 &&
    writes.differentId.length === 0 &&
    writes.withoutAuditEvent.length === 0
  );
}

/** A report while the database is down: a 500 whose body names the request id the header carries. */
async function failingRequest(portal: FaultPortal): Promise<KillPostgresReport["failedRequest"]> {
  const now = new Date().toISOString();
  const body = JSON.stringify({ service: FAULT_SERVICE, environment: FAULT_ENVIRONMENT, version: "outage", externalId: `outage-${Date.now()}`, status: "succeeded", startedAt: now, finishedAt: now });
  const answer = await request(portal.port, "POST", "/api/v1/deployments", { headers: { authorization: `Bearer ${portal.token}` }, body });
  const requestIdHeader = answer?.headers["x-request-id"] as string | undefined;
  let requestIdBody: string | undefined;
  try {
    requestIdBody = (JSON.parse(answer?.body ?? "{}") as { error?: { requestId?: string } }).error?.requestId;
  } catch {
    requestIdBody = undefined;
  }
  // The error line is written as the response goes out; give the pipe a moment (bounded) to carry it.
  const logged = requestIdHeader
    ? await until("the failed request's log line", () => portal.launcher.output().includes(`"requestId":"${requestIdHeader}"`), 5_000).catch(() => false)
    : false;
  return { status: answer?.status ?? 0, requestIdHeader, requestIdBody, logged };
}

export async function killPostgresUnderLoad(portal: FaultPortal, options: KillPostgresOptions): Promise<KillPostgresReport> {
  const log = options.log ?? (() => {});
  const launcherPid = portal.launcher.child.pid!;
  const [serverBefore] = serverPids(launcherPid);
  const burst = startIngestBurst({ port: portal.port, token: portal.token, service: FAULT_SERVICE, environment: FAULT_ENVIRONMENT, runId: `kill-postgres-${Date.now()}`, concurrency: options.concurrency });
  let result: BurstResult;
  let report: Omit<KillPostgresReport, "burst" | "writes" | "chain">;
  try {
    await until(`${options.acks} acknowledged reports`, () => burst.acknowledgedCount() >= options.acks, 60_000);
    const postmaster = postmasterPid(path.join(portal.dataDir, "pg"));
    const killedAt = Date.now();
    process.kill(postmaster, "SIGKILL");
    log(`SIGKILL to the postmaster ${postmaster} after ${burst.acknowledgedCount()} acknowledged reports`);
    await until("/api/ready to answer 503", async () => (await readiness(portal.port)) === 503, 30_000);
    const notReadyMs = Date.now() - killedAt;
    const notReadyBody: unknown = JSON.parse((await get(portal.port, "/api/ready"))?.body ?? "null");
    const failedRequest = await failingRequest(portal);
    log(`not ready after ${notReadyMs} ms; a report meanwhile answered ${failedRequest.status}`);
    await until("the old postmaster to be gone", () => !alive(postmaster), 10_000);
    await portal.restartDatabase();
    const restartedMs = Date.now() - killedAt;
    await until("/api/ready to answer 200 again", async () => (await readiness(portal.port)) === 200, 30_000);
    const readyMs = Date.now() - killedAt;
    const acknowledgedAtReady = burst.acknowledgedCount();
    await until("a report acknowledged after the restart", () => burst.acknowledgedCount() > acknowledgedAtReady, 30_000);
    const firstWriteAfterMs = Date.now() - killedAt;
    const wanted = burst.acknowledgedCount() + options.acks;
    await until(`${options.acks} more acknowledged reports`, () => burst.acknowledgedCount() >= wanted, 60_000);
    log(`PostgreSQL back after ${restartedMs} ms, ready after ${readyMs} ms, writing again after ${firstWriteAfterMs} ms`);
    const [serverAfter] = serverPids(launcherPid);
    report = {
      timeline: { notReadyMs, restartedMs, readyMs, firstWriteAfterMs },
      notReadyBody,
      failedRequest,
      sameServerProcess: serverBefore !== undefined && serverBefore === serverAfter,
      serverRestarts: (portal.launcher.output().match(/next-server \d+ exited/g) ?? []).length,
    };
  } finally {
    result = await burst.stop();
  }
  const writes = await checkAcknowledgedWrites(portal.prisma, result.acknowledged);
  const chain = await verifyChain(portal.prisma);
  return { ...report, burst: { ...result, acknowledged: result.acknowledged.length }, writes, chain };
}

async function main() {
  const { values } = parseArgs({ options: { concurrency: { type: "string", default: "8" }, acks: { type: "string", default: "200" } } });
  const log = (line: string) => console.error(`[fault] ${line}`);
  log("starting PostgreSQL and a portal on it (launcher, demo organisation)");
  const portal = await startFaultPortal({ ownDatabase: true, log });
  let exit: Exit | null = null;
  try {
    const report = await killPostgresUnderLoad(portal, { concurrency: Number(values.concurrency), acks: Number(values.acks), log });
    exit = await portal.stop();
    console.log(JSON.stringify({ ...report, launcherExit: exit }, null, 2));
    const held = killPostgresFaultHeld(report) && exit.code === 0;
    log(held ? "held: 503 while down, 200 once back, same server process, no acknowledged write lost, chain intact" : "FAILED (see the report)");
    process.exitCode = held ? 0 : 1;
  } finally {
    await portal.cleanup();
  }
}

if (path.resolve(process.argv[1] ?? "") === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
