// The job runner: creates the queues, registers the cron schedules and works every queue in this
// process. Started by instrumentation.ts in each server process unless RUNWELL_JOBS=off, and by the
// tests. Every process that runs it also LISTENs for new domain events and wakes the drains, so an
// event reaches its subscribers within a polling interval instead of at the next backstop minute.
import pg from "pg";
import type PgBoss from "pg-boss";
import type { Db } from "../db";
import { env } from "../env";
import { SUBSCRIBERS } from "../events/registry";
import type { Subscriber } from "../events/subscribers";
import { logger } from "../observability/logger";
import { metrics } from "../observability/metrics";
import { QUEUE_NAMES, QUEUES } from "./definitions";
import { jobHandlers, type JobContext } from "./handlers";
import { queue, stopQueue } from "./queue";

export type JobRunner = { stop: () => Promise<void>; wake: () => Promise<void> };

export type RunnerOptions = Partial<JobContext> & {
  /** The tests run their own subscribers, without the cron schedules, with quick retries. */
  subscribers?: readonly Subscriber[];
  schedules?: boolean;
  retry?: { retryLimit: number; retryDelay: number };
};

async function wakeDrains(boss: PgBoss, subscribers: readonly Subscriber[]): Promise<void> {
  await Promise.all(subscribers.map((subscriber) => boss.send("events.drain", { subscriber: subscriber.name }, { singletonKey: subscriber.name })));
}

async function listenForEvents(onEvent: () => void): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL, application_name: "runwell-events-listener" });
  client.on("error", (error) => logger().warn({ err: error }, "the events listener lost its connection; the minutely backstop drains meanwhile"));
  client.on("notification", onEvent);
  await client.connect();
  await client.query("LISTEN runwell_domain_events");
  return client;
}

export async function startJobRunner(db: Db, options: RunnerOptions = {}): Promise<JobRunner> {
  const subscribers = options.subscribers ?? SUBSCRIBERS;
  const schedules = options.schedules ?? true;
  const boss = await queue({ runSchedules: schedules });
  const handlers = jobHandlers({ db, now: options.now ?? (() => new Date()), subscribers });
  for (const name of QUEUE_NAMES) {
    const { cron, purpose: _purpose, pollingIntervalSeconds: _poll, workers: _workers, ...definition } = QUEUES[name];
    if (cron && !schedules) continue;
    await boss.createQueue(name, { name, ...definition, ...options.retry });
    if (cron) await boss.schedule(name, cron, {}, { tz: "UTC" });
  }
  const m = metrics();
  for (const name of QUEUE_NAMES) {
    if (QUEUES[name].cron && !schedules) continue;
    // Declared at 0 before the first run, so rate() and alerts see every queue from the start.
    m.jobRuns.inc({ queue: name }, 0);
    m.jobFailures.inc({ queue: name }, 0);
    const handle = handlers[name];
    const work = async ([job]: PgBoss.Job<Record<string, unknown>>[]) => {
      if (!job) return;
      const timer = m.jobDuration.startTimer({ queue: name });
      m.jobRuns.inc({ queue: name });
      try {
        await handle(job.data, job);
        timer({ outcome: "completed" });
        m.jobLastSuccess.set({ queue: name }, Date.now() / 1000);
      } catch (error) {
        timer({ outcome: "failed" });
        m.jobFailures.inc({ queue: name });
        logger().warn({ err: error, queue: name, jobId: job.id }, `job ${name} failed; pg-boss retries it per its policy`);
        throw error;
      }
    };
    for (let count = 0; count < (QUEUES[name].workers ?? 1); count += 1) {
      // pg-boss 10 waits out the polling interval after every job, busy or not, which caps a worker
      // at two jobs a second. Notifying the worker once its job is done makes it fetch the next one at
      // once; an empty fetch does not notify, so an idle worker still waits the interval.
      const worker = { id: "" };
      worker.id = await boss.work<Record<string, unknown>>(name, { pollingIntervalSeconds: QUEUES[name].pollingIntervalSeconds, batchSize: 1 }, async (jobs) => {
        try {
          await work(jobs);
        } finally {
          if (worker.id && jobs.length) boss.notifyWorker(worker.id);
        }
      });
    }
  }
  let pending: Promise<void> | null = null;
  const wake = () => {
    pending ??= wakeDrains(boss, subscribers)
      .catch((error: unknown) => logger().warn({ err: error }, "waking the event drains failed"))
      .finally(() => (pending = null));
    return pending;
  };
  const listener = await listenForEvents(() => void wake());
  await wake();
  return {
    wake,
    stop: async () => {
      await listener.end().catch(() => undefined);
      await stopQueue();
    },
  };
}
