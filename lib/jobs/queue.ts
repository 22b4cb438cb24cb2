// The job queue: pg-boss on the portal's own PostgreSQL (schema "pgboss"). One PgBoss per process,
// kept on globalThis for the same reason as the Prisma client (lib/db.ts). Every process may queue
// jobs; processes that run the job runner (lib/jobs/runner.ts) also work them. pg-boss hands each job
// to one worker across all processes and instances (SKIP LOCKED), and runs each cron schedule once
// per period across them all.
import PgBoss from "pg-boss";
import type { Prisma } from "../generated/prisma/client.ts";
import { env } from "../env";
import { logger } from "../observability/logger";

export const QUEUE_SCHEMA = "pgboss";

const holder = globalThis as unknown as { runwellBoss?: Promise<PgBoss> };

export type BossOptions = { runSchedules: boolean };

function createBoss(options: BossOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: env().DATABASE_URL,
    schema: QUEUE_SCHEMA,
    max: 4,
    application_name: "runwell-jobs",
    // Only runner processes evaluate cron schedules and run maintenance; a process that merely
    // queues (a web worker with RUNWELL_JOBS=off, the CLI) does not.
    schedule: options.runSchedules,
    supervise: options.runSchedules,
  });
  // Without a listener an error event would end the process; pg-boss reconnects by itself.
  boss.on("error", (error) => logger().error({ err: error }, "job queue error"));
  return boss.start();
}

/** The process's PgBoss, started on first use. */
export function queue(options: BossOptions = { runSchedules: false }): Promise<PgBoss> {
  holder.runwellBoss ??= createBoss(options).catch((error: unknown) => {
    holder.runwellBoss = undefined;
    throw error;
  });
  return holder.runwellBoss;
}

export async function stopQueue(): Promise<void> {
  const boss = await holder.runwellBoss?.catch(() => null);
  holder.runwellBoss = undefined;
  await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
}

/**
 * A pg-boss connection that runs its statements inside a Prisma transaction, so a job queued by a
 * use case or an event handler commits or rolls back with it.
 */
export function inTransaction(tx: Prisma.TransactionClient): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }),
  };
}
