// Readiness: may this process get traffic? Yes when the database answers and its schema is the one
// this code was built for (every migration in prisma/migrations applied, none failed). Liveness
// (/api/health) asks nothing of the database: a database outage should take instances out of the
// load balancer, not get them restarted.
import { readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { db, type Db } from "../db";
import { withTimeout } from "./with-timeout";

const PROBE_TIMEOUT_MS = 2_000;

export type DatabaseCheck = { ok: true; ms: number } | { ok: false; error: string };
export type MigrationsCheck =
  | { ok: true; applied: number; expected: number }
  | { ok: false; error: string; missing?: string[]; failed?: string[] };
export type Readiness = { ready: boolean; checks: { database: DatabaseCheck; migrations: MigrationsCheck } };

/** The migrations this build ships: the folder names under prisma/migrations. */
export function migrationsOnDisk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

const ZMigrationRow = z.object({
  name: z.string(),
  finished: z.boolean(),
  rolledBack: z.boolean(),
});

/** Pure: what the database's _prisma_migrations says about the migrations this build expects. */
export function compareMigrations(expected: string[], rows: z.infer<typeof ZMigrationRow>[]): MigrationsCheck {
  const applied = new Set(rows.filter((row) => row.finished && !row.rolledBack).map((row) => row.name));
  // A migration that started and neither finished nor was rolled back blocks `migrate deploy` itself.
  const failed = rows.filter((row) => !row.finished && !row.rolledBack).map((row) => row.name);
  const missing = expected.filter((name) => !applied.has(name));
  if (failed.length) return { ok: false, error: `failed migration(s): ${failed.join(", ")}`, failed, missing };
  if (missing.length) return { ok: false, error: `${missing.length} migration(s) not applied: ${missing.join(", ")}`, missing };
  // Migrations the database has and this build does not are fine: a newer release migrated first.
  return { ok: true, applied: expected.length, expected: expected.length };
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, " ").trim().slice(0, 300) || "unknown error";
}

export async function checkReadiness(prisma: Db, migrationsDir: string, clock: () => number = () => performance.now()): Promise<Readiness> {
  const started = clock();
  let database: DatabaseCheck;
  try {
    await withTimeout(prisma.$queryRaw`SELECT 1`, PROBE_TIMEOUT_MS, "the database");
    database = { ok: true, ms: Math.round(clock() - started) };
  } catch (error) {
    database = { ok: false, error: describe(error) };
  }
  let migrations: MigrationsCheck;
  if (!database.ok) {
    migrations = { ok: false, error: "not checked: the database does not answer" };
  } else {
    try {
      const rows = await withTimeout(
        prisma.$queryRaw<unknown[]>`
          SELECT migration_name AS name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS "rolledBack"
          FROM _prisma_migrations`,
        PROBE_TIMEOUT_MS,
        "the migrations query",
      );
      migrations = compareMigrations(migrationsOnDisk(migrationsDir), z.array(ZMigrationRow).parse(rows));
    } catch (error) {
      migrations = { ok: false, error: describe(error) };
    }
  }
  return { ready: database.ok && migrations.ok, checks: { database, migrations } };
}

/** Where this build's migrations are: prisma/migrations under the server's working directory. */
export function defaultMigrationsDir(): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations");
}

/** This process's readiness; a server without a usable database configuration is not ready either. */
export async function readinessOfThisProcess(): Promise<Readiness> {
  let prisma: Db;
  try {
    prisma = db();
  } catch (error) {
    const failure = { ok: false as const, error: describe(error) };
    return { ready: false, checks: { database: failure, migrations: { ok: false, error: "not checked: no database" } } };
  }
  return checkReadiness(prisma, defaultMigrationsDir());
}
