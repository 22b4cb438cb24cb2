// A portal to break: the real launcher and built app (`npm run build` first) on a fresh embedded
// PostgreSQL with the demo organisation, a deployments token, and the checks a fault run ends with.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Actor } from "../../lib/auth/actor";
import { verifyAuditChain, type ChainVerification } from "../../lib/audit/verify-audit-chain";
import { PrismaClient } from "../../lib/generated/prisma/client.ts";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../lib/runtime/embedded-postgres";
import { createApiToken } from "../../lib/tokens/create-api-token";
import { freePort, get, killTree, startLauncher, until, type Exit, type Launcher } from "./harness";
import type { Acknowledgement } from "./ingest-burst";

export const FAULT_ACTOR: Actor = { kind: "CLI", label: "cli:fault" };
export const FAULT_SERVICE = "checkout-api";
export const FAULT_ENVIRONMENT = "staging";

export type FaultPortal = {
  launcher: Launcher;
  port: number;
  /** RUNWELL_DATA_DIR; the PostgreSQL data is in its pg/ folder. */
  dataDir: string;
  databaseUrl: string;
  /** A client of this process, for the checks (not the portal's). */
  prisma: PrismaClient;
  token: string;
  /** Restarts the PostgreSQL this process started (ownDatabase) on the same data and port. */
  restartDatabase: () => Promise<void>;
  /** SIGTERM to the launcher; resolves with its exit. */
  stop: () => Promise<Exit>;
  /** Removes everything, whatever state the run left (for finally / afterAll). */
  cleanup: () => Promise<void>;
};

/** Runs `work` with RUNWELL_DATA_DIR (and RUNWELL_DB_PORT) set for lib/runtime/embedded-postgres. */
async function withDataDir<T>(dataDir: string, port: number | null, work: () => Promise<T>): Promise<T> {
  const saved = { dir: process.env.RUNWELL_DATA_DIR, port: process.env.RUNWELL_DB_PORT };
  process.env.RUNWELL_DATA_DIR = dataDir;
  if (port !== null) process.env.RUNWELL_DB_PORT = String(port);
  try {
    return await work();
  } finally {
    if (saved.dir === undefined) delete process.env.RUNWELL_DATA_DIR;
    else process.env.RUNWELL_DATA_DIR = saved.dir;
    if (saved.port === undefined) delete process.env.RUNWELL_DB_PORT;
    else process.env.RUNWELL_DB_PORT = saved.port;
  }
}

export const readiness = async (port: number) => (await get(port, "/api/ready"))?.status ?? null;

/**
 * `ownDatabase: false`: the launcher starts the embedded PostgreSQL itself (what `npm start` does).
 * `ownDatabase: true`: this process starts it and hands the launcher DATABASE_URL, so it can kill and
 * restart the database under the portal.
 */
export async function startFaultPortal(options: { ownDatabase: boolean; env?: Record<string, string>; log?: (line: string) => void }): Promise<FaultPortal> {
  const log = options.log ?? (() => {});
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "runwell-fault-"));
  const port = await freePort();
  const dbPort = await freePort();
  let ownDatabase: EmbeddedDatabase | null = null;
  let launcher: Launcher | null = null;
  let prisma: PrismaClient | null = null;

  const cleanup = async () => {
    killTree(launcher?.child.pid);
    await prisma?.$disconnect().catch(() => {});
    await ownDatabase?.stop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const common = { RUNWELL_DATA_DIR: dataDir, NEXTAUTH_SECRET: "fault-run-secret-0123456789abcdef", RUNWELL_SEED_DEMO: "true", ...options.env };
    if (options.ownDatabase) {
      ownDatabase = await withDataDir(dataDir, dbPort, () => startEmbeddedPostgres(log));
      launcher = startLauncher(port, { ...common, DATABASE_URL: ownDatabase.url });
    } else {
      launcher = startLauncher(port, { ...common, DATABASE_URL: "", RUNWELL_DB_PORT: String(dbPort) });
    }
    const started = launcher;
    await until("the portal to be ready", async () => {
      if (started.hasExited()) throw new Error(`the launcher exited:\n${started.output()}`);
      return (await readiness(port)) === 200;
    }, 90_000);
    // The launcher's embedded server, found through its postmaster.pid (as the CLI finds it).
    const databaseUrl = ownDatabase?.url ?? (await withDataDir(dataDir, null, () => startEmbeddedPostgres(log))).url;
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 4 }) });
    const { secret } = await createApiToken(prisma, FAULT_ACTOR, { service: FAULT_SERVICE, name: "fault run", scopes: ["deployments:write"] });
    const client = prisma;

    const restartDatabase = async () => {
      if (!options.ownDatabase) throw new Error("restartDatabase needs ownDatabase: true");
      // Backends of a postmaster killed with SIGKILL take a moment to notice and leave its shared
      // memory; until they have, a new postmaster refuses to start on the same data.
      ownDatabase = await until("PostgreSQL to start again on the same data and port", async () => {
        try {
          return await withDataDir(dataDir, null, () => startEmbeddedPostgres(log, { port: dbPort }));
        } catch (error) {
          log(`restart attempt failed: ${error instanceof Error ? error.message.split("\n").slice(-2).join(" ") : String(error)}`);
          return null;
        }
      }, 30_000, 100);
    };

    return {
      launcher,
      port,
      dataDir,
      databaseUrl,
      prisma: client,
      token: secret,
      restartDatabase,
      stop: async () => {
        started.child.kill("SIGTERM");
        return started.exited;
      },
      cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

export type WriteCheck = { acknowledged: number; missing: string[]; differentId: string[]; withoutAuditEvent: string[] };

/** Every acknowledged report is in the database, under the id it was acknowledged with, with its audit event. */
export async function checkAcknowledgedWrites(prisma: PrismaClient, acknowledged: Acknowledgement[]): Promise<WriteCheck> {
  const rows = await prisma.deployment.findMany({
    where: { service: { slug: FAULT_SERVICE }, externalId: { in: acknowledged.map((ack) => ack.externalId) } },
    select: { id: true, externalId: true },
  });
  const byExternalId = new Map(rows.map((row) => [row.externalId, row.id]));
  const events = await prisma.auditEvent.findMany({
    where: { entityType: "Deployment", entityId: { in: rows.map((row) => row.id) } },
    select: { entityId: true },
  });
  const audited = new Set(events.map((event) => event.entityId));
  return {
    acknowledged: acknowledged.length,
    missing: acknowledged.filter((ack) => !byExternalId.has(ack.externalId)).map((ack) => ack.externalId),
    differentId: acknowledged.filter((ack) => byExternalId.has(ack.externalId) && byExternalId.get(ack.externalId) !== ack.id).map((ack) => ack.externalId),
    withoutAuditEvent: acknowledged.filter((ack) => !audited.has(ack.id)).map((ack) => ack.externalId),
  };
}

export const unsealedEvents = (prisma: PrismaClient) => prisma.auditEvent.count({ where: { seq: null } });

/** The whole chain re-hashed from the genesis (seals anything pending first). */
export const verifyChain = (prisma: PrismaClient): Promise<ChainVerification> => verifyAuditChain(prisma, FAULT_ACTOR, "full");
