// Jobs that ran out of retries stay in pg-boss's table as "failed" until its retention deletes them.
// Admins see them (with the error) and can send one round again; pg-boss then runs it afresh.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { notFound } from "../errors";
import { isQueueName, QUEUES } from "./definitions";
import { queue, QUEUE_SCHEMA } from "./queue";

export type FailedJob = { id: string; queue: string; purpose: string; data: unknown; error: string; retries: number; failedAt: Date | null; createdAt: Date };
export type QueueSummary = { queue: string; purpose: string; waiting: number; retrying: number; active: number; failed: number };

async function queueTableExists(db: Db): Promise<boolean> {
  const [row] = await db.$queryRaw<{ ready: boolean }[]>`SELECT to_regclass(${`${QUEUE_SCHEMA}.job`}) IS NOT NULL AS ready`;
  return Boolean(row?.ready);
}

function errorText(output: unknown): string {
  if (output && typeof output === "object" && "message" in output) return String((output as { message: unknown }).message).slice(0, 1000);
  return output ? JSON.stringify(output).slice(0, 1000) : "";
}

export async function listQueues(db: Db, actor: Actor): Promise<{ queues: QueueSummary[]; failed: FailedJob[] }> {
  authorize(actor, "jobs.manage");
  if (!(await queueTableExists(db))) return { queues: [], failed: [] };
  const counts = await db.$queryRawUnsafe<{ name: string; state: string; count: bigint }[]>(
    `SELECT name, state::text AS state, count(*) AS count FROM ${QUEUE_SCHEMA}.job WHERE state IN ('created', 'retry', 'active', 'failed') GROUP BY name, state`,
  );
  const count = (name: string, state: string) => Number(counts.find((row) => row.name === name && row.state === state)?.count ?? 0);
  const queues = Object.entries(QUEUES).map(([name, definition]) => ({
    queue: name, purpose: definition.purpose, waiting: count(name, "created"), retrying: count(name, "retry"), active: count(name, "active"), failed: count(name, "failed"),
  }));
  const rows = await db.$queryRawUnsafe<{ id: string; name: string; data: unknown; output: unknown; retry_count: number; completed_on: Date | null; created_on: Date }[]>(
    `SELECT id::text, name, data, output, retry_count, completed_on, created_on FROM ${QUEUE_SCHEMA}.job WHERE state = 'failed' ORDER BY completed_on DESC NULLS LAST LIMIT 100`,
  );
  const failed = rows.map((row) => ({
    id: row.id, queue: row.name, purpose: isQueueName(row.name) ? QUEUES[row.name].purpose : row.name, data: row.data,
    error: errorText(row.output), retries: row.retry_count, failedAt: row.completed_on, createdAt: row.created_on,
  }));
  return { queues, failed };
}

export async function retryFailedJob(db: Db, actor: Actor, input: { queue: string; id: string }): Promise<void> {
  authorize(actor, "jobs.manage");
  if (!isQueueName(input.queue) || !/^[0-9a-f-]{36}$/.test(input.id)) throw notFound("The job");
  const [row] = await db.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND id = $2::uuid AND state = 'failed'`, input.queue, input.id);
  if (!row) throw notFound("The failed job");
  const boss = await queue();
  await boss.retry(input.queue, input.id);
  const name = input.queue;
  await db.$transaction((tx) => recordAuditEvent(tx, actor, { action: "job.retry", entityType: "Job", entityId: `${name}:${input.id}`, after: { queue: name, purpose: QUEUES[name].purpose } }));
  await requestSeal(db);
}
