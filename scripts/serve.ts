// `npm start` / `npm run dev`: database (embedded unless DATABASE_URL is set), migrations,
// demo seed when the database is empty, then Next.js. Stops everything on SIGINT/SIGTERM.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { seedDemoOrganisation } from "../prisma/seed/demo";
import { applyMigrations, databaseIsEmpty } from "../lib/runtime/prepare-database";
import { localAuthSecret } from "../lib/runtime/local-secret";
import { resolveDatabase } from "../lib/runtime/resolve-database";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const log = (line: string) => console.log(`[runwell] ${line}`);

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

async function main() {
  const port = process.env.PORT ?? "3000";
  const workers = mode === "start" ? webWorkers() : 1; // checked before the database starts
  const database = await resolveDatabase(log);
  let next: ChildProcess | null = null;
  let stopping = false;

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (next && next.exitCode === null) {
      next.kill("SIGTERM");
      await new Promise((resolve) => next!.once("exit", resolve));
    }
    if (database.owned) {
      log("Stopping the embedded PostgreSQL");
      await database.stop();
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    log("Applying migrations");
    applyMigrations(database.url);
    if (wantsDemoSeed(database.embedded) && (await databaseIsEmpty(database.url))) {
      log("Empty database: seeding the demo organisation");
      process.env.DATABASE_URL = database.url;
      const { db } = await import("../lib/db");
      await seedDemoOrganisation(db());
      await db().$disconnect();
    }
  } catch (error) {
    console.error(error);
    await stop(1);
    return;
  }

  const production = mode === "start";
  if (production && !database.embedded && !process.env.NEXTAUTH_SECRET) {
    console.error("[runwell] NEXTAUTH_SECRET is required when running against DATABASE_URL (see docs/DEPLOY.md).");
    await stop(1);
    return;
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
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const command = workers > 1 ? [path.join(process.cwd(), "scripts", "web-workers.mjs"), String(workers)] : [nextBin];
  next = spawn(process.execPath, [...command, mode, "-p", port], { env, stdio: "inherit" });
  next.on("exit", (code) => void stop(code ?? 0));
  const details = [database.embedded ? "embedded PostgreSQL, demo sign-in on" : null, workers > 1 ? `${workers} web workers` : null].filter(Boolean);
  log(`Runwell on http://localhost:${port}${details.length ? ` (${details.join("; ")})` : ""}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
