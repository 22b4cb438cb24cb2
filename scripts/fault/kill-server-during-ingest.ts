// Fault: `kill -9` of next-server while pipelines report deployments as fast as they can.
// Holds when: the launcher brings a new server up each time; every report acknowledged with a 2xx is
// in the database under its id, with its audit event; the events the killed server left unsealed are
// sealed by the new one; and the audit chain verifies from the genesis.
//
//   npm run -s fault:server -- [--kills 5] [--concurrency 8] [--acks 200]     (needs `npm run build`)
// The short form runs in `npm test` (scripts/fault/faults.test.ts).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { ChainVerification } from "../../lib/audit/verify-audit-chain";
import { get, serverPids, until, type Exit } from "./harness";
import { startIngestBurst, type BurstResult } from "./ingest-burst";
import { checkAcknowledgedWrites, FAULT_ENVIRONMENT, FAULT_SERVICE, startFaultPortal, unsealedEvents, verifyChain, type FaultPortal, type WriteCheck } from "./portal";

export type KillServerOptions = {
  kills: number;
  concurrency: number;
  /** Acknowledged reports to wait for before each kill and after the last recovery. */
  acksBetweenKills: number;
  log?: (line: string) => void;
};

export type KillServerReport = {
  kills: { killedPid: number; newPid: number; acknowledgedBefore: number; portBackMs: number }[];
  burst: Omit<BurstResult, "acknowledged"> & { acknowledged: number };
  writes: WriteCheck;
  /** From the end of the burst until no event was left unsealed. */
  sealedAfterMs: number;
  chain: ChainVerification;
};

export function killServerFaultHeld(report: KillServerReport): boolean {
  const { writes } = report;
  return report.chain.ok && report.burst.rejected.length === 0 && writes.missing.length === 0 && writes.differentId.length === 0 && writes.withoutAuditEvent.length === 0;
}

export async function killServerDuringIngest(portal: FaultPortal, options: KillServerOptions): Promise<KillServerReport> {
  const log = options.log ?? (() => {});
  const launcherPid = portal.launcher.child.pid!;
  const burst = startIngestBurst({ port: portal.port, token: portal.token, service: FAULT_SERVICE, environment: FAULT_ENVIRONMENT, runId: `kill-server-${Date.now()}`, concurrency: options.concurrency });
  const kills: KillServerReport["kills"] = [];
  let result: BurstResult;
  try {
    for (let kill = 1; kill <= options.kills; kill++) {
      const wanted = burst.acknowledgedCount() + options.acksBetweenKills;
      await until(`${wanted} acknowledged reports`, () => burst.acknowledgedCount() >= wanted, 60_000);
      const [killedPid] = serverPids(launcherPid);
      if (!killedPid) throw new Error("no next-server process under the launcher");
      const acknowledgedBefore = burst.acknowledgedCount();
      const killedAt = Date.now();
      process.kill(killedPid, "SIGKILL");
      log(`kill ${kill}: SIGKILL to next-server ${killedPid} after ${acknowledgedBefore} acknowledged reports`);
      const newPid = await until("a new next-server to answer", async () => {
        const [pid] = serverPids(launcherPid);
        if (!pid || pid === killedPid) return null;
        return (await get(portal.port, "/api/health"))?.status === 200 ? pid : null;
      }, 60_000);
      kills.push({ killedPid, newPid, acknowledgedBefore, portBackMs: Date.now() - killedAt });
      log(`kill ${kill}: next-server ${newPid} answers ${Date.now() - killedAt} ms after the kill`);
    }
    const wanted = burst.acknowledgedCount() + options.acksBetweenKills;
    await until(`${wanted} acknowledged reports after the last recovery`, () => burst.acknowledgedCount() >= wanted, 60_000);
  } finally {
    result = await burst.stop();
  }
  const burstEnded = Date.now();
  // The killed servers' scheduled seal passes died with them; the new server's sealer and timer pick
  // their events up. The timer is the every-minute backlog seal (schedule.audit-seal-backlog), so the
  // promise is "within a minute or so", not 30 s: with nine subscribers draining on a fresh server the
  // on-write seal can queue behind them, and 2026-12-04's CI run saw 30.0 s.
  await until("every audit event to be sealed", async () => (await unsealedEvents(portal.prisma)) === 0, 90_000, 100);
  const sealedAfterMs = Date.now() - burstEnded;
  const writes = await checkAcknowledgedWrites(portal.prisma, result.acknowledged);
  const chain = await verifyChain(portal.prisma);
  return { kills, burst: { ...result, acknowledged: result.acknowledged.length }, writes, sealedAfterMs, chain };
}

async function main() {
  const { values } = parseArgs({ options: { kills: { type: "string", default: "5" }, concurrency: { type: "string", default: "8" }, acks: { type: "string", default: "200" } } });
  const log = (line: string) => console.error(`[fault] ${line}`);
  log("starting a portal (launcher, embedded PostgreSQL, demo organisation)");
  const portal = await startFaultPortal({ ownDatabase: false, log });
  let exit: Exit | null = null;
  try {
    const report = await killServerDuringIngest(portal, { kills: Number(values.kills), concurrency: Number(values.concurrency), acksBetweenKills: Number(values.acks), log });
    exit = await portal.stop();
    console.log(JSON.stringify({ ...report, launcherExit: exit }, null, 2));
    const held = killServerFaultHeld(report) && exit.code === 0;
    log(held ? "held: no acknowledged write lost, chain intact, portal back after every kill" : "FAILED (see the report)");
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
