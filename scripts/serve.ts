// `npm start` / `npm run dev`: database (embedded unless DATABASE_URL is set), migrations, demo seed
// when the database is empty, then Next.js, kept running: a server process that dies is started
// again after a backoff, and a crash loop stops the portal with exit code 1 (scripts/supervise.mjs).
// SIGTERM/SIGINT: the server finishes the requests it is serving (`next start` closes its listener
// first), then the embedded database stops.
import { spawn } from "node:child_process";
import path from "node:path";
import { seedDemoOrganisation } from "../prisma/seed/demo";
import { logger } from "../lib/observability/logger";
import { applyMigrations, databaseIsEmpty } from "../lib/runtime/prepare-database";
import { leaveShutdownToCaller } from "../lib/runtime/embedded-postgres";
import { localAuthSecret } from "../lib/runtime/local-secret";
import { resolveDatabase, type ResolvedDatabase } from "../lib/runtime/resolve-database";
import { fromChildProcess, supervise, type Supervisor } from "./supervise.mjs";
import { startWebWorkers } from "./web-workers.mjs";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const log = logger().child({ component: "launcher" });
const supervisorLog = { warn: (line: string) => log.warn(line), error: (line: string) => log.error(line) };
// How long the embedded PostgreSQL may take to stop before the launcher exits anyway.
const DATABASE_STOP_TIMEOUT_MS = 15_000;

function wantsDemoSeed(embedded: boolean): boolean {
  const setting = process.env.RUNWELL_SEED_DEMO;
  if (setting === "true" || setting === "1") return true;
  if (setting === "false" || setting === "0") return false;
  return embedded; // a real server only gets demo data when asked
}

/** RUNWELL_WEB_WORKERS: how many `next start` processes share the port (scripts/web-workers.mjs). */
function webWorkers(): number {
  const setting = process.env.RUNWELL_WEB_WORKERS;
  if (setting === undefined || setting === "") return 1;
  const workers = Number(setting);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
    throw new Error(`RUNWELL_WEB_WORKERS must be a whole number from 1 to 64, not "${setting}"`);
  }
  return workers;
}

async function prepare(database: ResolvedDatabase): Promise<void> {
  log.info("Applying migrations");
  applyMigrations(database.url);
  if (wantsDemoSeed(database.embedded) && (await databaseIsEmpty(database.url))) {
    log.info("Empty database: seeding the demo organisation");
    process.env.DATABASE_URL = database.url;
    const { db } = await import("../lib/db");
    await seedDemoOrganisation(db());
    await db().$disconnect();
  }
}

async function main() {
  const port = process.env.PORT ?? "3000";
  const workers = mode === "start" ? webWorkers() : 1; // checked before the database starts
  const database = await resolveDatabase((line) => log.info(line));
  let supervisor: Supervisor | null = null;
  let exiting = false;

  const exit = async (code: number) => {
    if (exiting) return;
    exiting = true;
    if (database.owned) {
      log.info("Stopping the embedded PostgreSQL");
      // Not unref'd: an empty event loop would end the process with code 0 before process.exit(code).
      const timeout = new Promise((resolve) => setTimeout(resolve, DATABASE_STOP_TIMEOUT_MS));
      await Promise.race([database.stop().catch((error: unknown) => log.error({ err: error }, "stopping the database failed")), timeout]);
    }
    process.exit(code);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    log.info(`${signal}: finishing the requests in flight, then stopping`);
    // Before the server runs (migrations, seed) there is nothing to drain.
    if (supervisor) void supervisor.stop({ code: 0, reason: signal });
    else void exit(0);
  };
  leaveShutdownToCaller();
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("SIGHUP", onSignal);

  try {
    await prepare(database);
  } catch (error) {
    log.error({ err: error }, "preparing the database failed");
    return exit(1);
  }
  if (exiting) return;

  if (mode === "start" && !database.embedded && !process.env.NEXTAUTH_SECRET) {
    log.error("NEXTAUTH_SECRET is required when running against DATABASE_URL (see docs/DEPLOY.md).");
    return exit(1);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    PORT: port,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? localAuthSecret(),
    ...(database.embedded ? { RUNWELL_EMBEDDED_DB: "true" } : {}),
  };
  // RUNWELL_NEXT_BIN: the tests run the launcher around a stand-in server (test/launcher.test.ts).
  const nextBin = process.env.RUNWELL_NEXT_BIN ?? path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const nextArguments = [mode, "-p", port];
  supervisor =
    workers > 1
      ? startWebWorkers({ workers, nextBin, nextArguments, env, log: supervisorLog })
      : supervise({
          name: "next-server",
          start: () => fromChildProcess(spawn(process.execPath, [nextBin, ...nextArguments], { env, stdio: "inherit" })),
          log: supervisorLog,
        });
  const details = [database.embedded ? "embedded PostgreSQL, demo sign-in on" : null, workers > 1 ? `${workers} web workers` : null].filter(Boolean);
  log.info(`Runwell on http://localhost:${port}${details.length ? ` (${details.join("; ")})` : ""}`);
  const outcome = await supervisor.done;
  if (outcome.code !== 0) log.error(`Runwell stopped: ${outcome.reason}`);
  await exit(outcome.code);
}

main().catch((error: unknown) => {
  log.error({ err: error }, "the launcher failed");
  process.exit(1);
});
