import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client.ts";
import { env } from "./env";
import { logger } from "./observability/logger";

export type Db = PrismaClient;
/** A Prisma client or the transaction client handed to `$transaction(async (tx) => ...)`. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

// One client per process; dev mode reloads modules, so keep it on globalThis. The pools live there
// too: a production build holds several copies of this module (STACK.md), and each copy must find
// the pool under the client another copy made.
const globalForPrisma = globalThis as unknown as { runwellPrisma?: PrismaClient; runwellPools?: WeakMap<PrismaClient, pg.Pool> };

/** The pg pool under each client this module made, for the few hot statements that skip the ORM. */
const pools = (globalForPrisma.runwellPools ??= new WeakMap<PrismaClient, pg.Pool>());

function createClient(): PrismaClient {
  const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: env().DATABASE_POOL_SIZE });
  // An idle connection whose server went away (a restart, a failover) emits 'error' on the pool; with
  // no listener that error would end the process. The pool drops the connection and opens a new one
  // when next asked, so the app recovers when the database is back.
  pool.on("error", (error) => logger().warn({ err: error }, "idle database connection failed; the pool replaces it"));
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

export function db(): PrismaClient {
  globalForPrisma.runwellPrisma ??= createClient();
  return globalForPrisma.runwellPrisma;
}

export type PoolStats = { max: number; total: number; idle: number; waiting: number };

/** The process's connection pool use, for /api/metrics; null before the first db() call. */
export function poolStats(): PoolStats | null {
  const client = globalForPrisma.runwellPrisma;
  const pool = client && pools.get(client);
  if (!pool) return null;
  return { max: pool.options.max ?? 10, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

/** A statement with a stable name: pg prepares it once per connection and then only binds values. */
export type PreparedStatement = { name: string; text: string; values: unknown[] };

/**
 * Runs a hot statement as a named prepared statement on the client's own pool (shared with Prisma,
 * so no extra connections), skipping the ORM's per-query work and re-sending and re-planning the SQL.
 * A client made elsewhere (a test's second database) runs the same text through Prisma.
 */
export async function runPrepared<T>(prisma: DbTx, statement: PreparedStatement): Promise<T[]> {
  const pool = pools.get(prisma as PrismaClient);
  if (pool) return (await pool.query<T & pg.QueryResultRow>(statement)).rows;
  return (prisma as PrismaClient).$queryRawUnsafe<T[]>(statement.text, ...statement.values);
}

/** Builds a prepared statement: `p(value)` appends a value and returns its placeholder ($1, $2, ...). */
export function preparedStatement(name: string, build: (p: (value: unknown) => string) => string): PreparedStatement {
  const values: unknown[] = [];
  const text = build((value) => {
    values.push(value);
    return `$${values.length}`;
  });
  return { name, text, values };
}

/** Runs one statement of a transaction opened by withPreparedTransaction. */
export type RunStatement = <T>(statement: PreparedStatement) => Promise<T[]>;

/** Runs each statement on its own (autocommit), as runPrepared does: for a single statement that is atomic by itself. */
export function autocommitStatements(prisma: Db): RunStatement {
  return <T>(statement: PreparedStatement) => runPrepared<T>(prisma, statement);
}

/** As long as a Prisma transaction waits for a connection (maxWait above), so a starved pool fails the request. */
const PREPARED_CONNECT_WAIT_MS = 10_000;

/** A pooled connection, or an error after `ms`; a connection that arrives later goes straight back. */
async function connectWithin(pool: pg.Pool, ms: number): Promise<pg.PoolClient> {
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const connecting = pool.connect();
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new Error(`No database connection free within ${ms / 1000} s.`));
    }, ms);
  });
  connecting.then((client) => { if (timedOut) client.release(); }, () => undefined);
  try {
    return await Promise.race([connecting, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A transaction of prepared statements on the client's own pool: BEGIN, `work`'s statements, COMMIT
 * (ROLLBACK when it throws), on one connection, without Prisma's per-query work. For the hot paths
 * whose whole write is a few set-based statements (the alert ingest). A client made elsewhere (a
 * test's second database) runs the same statements in a Prisma transaction.
 */
export async function withPreparedTransaction<T>(prisma: Db, work: (run: RunStatement) => Promise<T>): Promise<T> {
  const pool = pools.get(prisma);
  if (!pool) {
    return prisma.$transaction((tx) => work(<R>(statement: PreparedStatement) => tx.$queryRawUnsafe<R[]>(statement.text, ...statement.values)), { maxWait: 10_000, timeout: 30_000 });
  }
  const client = await connectWithin(pool, PREPARED_CONNECT_WAIT_MS);
  let broken = false;
  try {
    await client.query("BEGIN");
    try {
      const result = await work(async <R>(statement: PreparedStatement) => (await client.query<R & pg.QueryResultRow>(statement)).rows);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => { broken = true; });
      throw error;
    }
  } finally {
    client.release(broken);
  }
}
