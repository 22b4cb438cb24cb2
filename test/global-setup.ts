// Gives every test run a fresh, migrated PostgreSQL database, and a second one for the audit-chain tests
// (they verify the whole chain and tamper with it, which would disturb files running in parallel).
//   TEST_DATABASE_URL set: new databases runwell_test_<timestamp>_<random>[_audit] on that server, dropped
//                          afterwards (the user needs CREATEDB; owning the tables is enough for the tamper test).
//   otherwise:             an embedded PostgreSQL in a temporary directory, removed afterwards.
// Workers inherit process.env.DATABASE_URL from this process; test/setup-database-env.ts also sets it
// from `inject("databaseUrl")` so the tests never depend on that implementation detail.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../lib/runtime/embedded-postgres";
import { applyMigrations } from "../lib/runtime/prepare-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** A separate database, only for lib/audit/audit-chain.test.ts. */
    auditDatabaseUrl: string;
  }
}

const FIRST_PORT = 55432;
const START_ATTEMPTS = 4;

/** `url` is the run's database; `adminUrl` another database on the same server, to create and drop from. */
type Server = { url: string; adminUrl: string; stop: () => Promise<void> };

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function runSql(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new empty database on the server named by TEST_DATABASE_URL. */
async function createOnServer(serverUrl: string): Promise<Server> {
  const name = `runwell_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  await runSql(serverUrl, `CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(serverUrl, name),
    adminUrl: serverUrl,
    stop: () => runSql(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/**
 * An embedded PostgreSQL whose data lives in a temporary directory. Two runs starting at the same moment
 * (two people in one checkout, parallel CI jobs) can both pick the same "free" port, and the loser's
 * server exits at once; so a failed start is retried a few times from a random port further on.
 */
async function startTemporaryServer(): Promise<Server> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "runwell-test-"));
  const saved = { dir: process.env.RUNWELL_DATA_DIR, port: process.env.RUNWELL_DB_PORT };
  process.env.RUNWELL_DATA_DIR = dir;
  try {
    for (let attempt = 1; ; attempt++) {
      // The first free port from here is used.
      process.env.RUNWELL_DB_PORT = String(FIRST_PORT + (attempt === 1 ? 0 : 1 + Math.floor(Math.random() * 400)));
      try {
        const server = await startEmbeddedPostgres((line) => console.error(`[test-db] ${line}`));
        return {
          url: server.url,
          adminUrl: withDatabase(server.url, "postgres"),
          stop: async () => {
            await server.stop();
            rmSync(dir, { recursive: true, force: true });
          },
        };
      } catch (error) {
        // embedded-postgres rejects with `undefined` when the server process exits during start-up.
        const reason = error instanceof Error ? error.message : "the server exited during start-up (port taken?)";
        if (attempt === START_ATTEMPTS) throw new Error(`Could not start the test PostgreSQL: ${reason}`, { cause: error });
        console.error(`[test-db] start attempt ${attempt} failed (${reason}); retrying on another port`);
      }
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  } finally {
    restore("RUNWELL_DATA_DIR", saved.dir);
    restore("RUNWELL_DB_PORT", saved.port);
  }
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const serverUrl = process.env.TEST_DATABASE_URL;
  const server = serverUrl ? await createOnServer(serverUrl) : await startTemporaryServer();
  const database = new URL(server.url).pathname.slice(1);
  const auditName = `${database}_audit`;
  const auditUrl = withDatabase(server.url, auditName);
  const teardown = async () => {
    await runSql(server.adminUrl, `DROP DATABASE IF EXISTS "${auditName}" WITH (FORCE)`).catch(() => {});
    await server.stop();
  };
  try {
    applyMigrations(server.url);
    // A copy of the freshly migrated database: cheaper than migrating twice. A template must have
    // no connections, hence the admin database.
    await runSql(server.adminUrl, `CREATE DATABASE "${auditName}" TEMPLATE "${database}"`);
  } catch (error) {
    await teardown();
    throw error;
  }
  process.env.DATABASE_URL = server.url;
  project.provide("databaseUrl", server.url);
  project.provide("auditDatabaseUrl", auditUrl);
  console.error(`[test-db] fresh database ready in ${Date.now() - started} ms`);
  return teardown;
}
