// Every queue the portal works, with its retry policy. Handlers live with their area; this file only
// names the queues so the runner, the jobs page and the metrics agree on them.
import type PgBoss from "pg-boss";

export type QueueName =
  | "events.drain"
  | "email.send"
  | "webhook.deliver"
  | "incident.escalate"
  | "incident.release-held"
  | "schedule.audit-seal-backlog"
  | "schedule.required-checks-sweep"
  | "schedule.dora-snapshot"
  | "schedule.minutely-reminders"
  | "schedule.events-backstop";

type QueueDefinition = Omit<PgBoss.Queue, "name"> & {
  /** A cron schedule (UTC): the queue receives one job per period across every instance. */
  cron?: string;
  /** What the jobs page says the queue is for. */
  purpose: string;
  /** How often a worker looks for jobs when not woken; pg-boss's floor is 0.5 s. */
  pollingIntervalSeconds: number;
  /** Workers per process (each takes one job at a time); 1 when unset. */
  workers?: number;
};

export const QUEUES: Record<QueueName, QueueDefinition> = {
  "events.drain": {
    purpose: "Hands new domain events to one subscriber (notices, webhooks)",
    // One waiting and one running drain per subscriber: an event that arrives while a drain runs is
    // picked up by the next one, and a burst of wake-ups folds into one job.
    policy: "stately",
    retryLimit: 8,
    retryDelay: 2,
    retryBackoff: true,
    expireInSeconds: 600,
    pollingIntervalSeconds: 0.5,
  },
  "email.send": {
    purpose: "Sends one email through SMTP",
    retryLimit: 10,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 120,
    pollingIntervalSeconds: 1,
  },
  "webhook.deliver": {
    purpose: "Posts one event to one webhook; a failed attempt plans the next (lib/webhooks/retry-schedule.ts)",
    // Failed attempts are retried by the webhook's own schedule (5 s, 30 s, 2 min … for 24 hours): the
    // job records the attempt and queues the next one. pg-boss's retries only cover a worker that
    // crashed or lost the database mid-attempt.
    retryLimit: 5,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 60,
    pollingIntervalSeconds: 0.5,
    // Receivers answer slowly, not the database: several attempts in flight per process.
    workers: 4,
  },
  "incident.escalate": {
    purpose: "Escalates an unacknowledged page to the next level at its due time (lib/incidents/paging/)",
    // One queued job per (incident, round, step); the job itself locks the incident, so a second run sends nothing.
    policy: "short",
    retryLimit: 5,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: 60,
    pollingIntervalSeconds: 1,
  },
  "incident.release-held": {
    purpose: "Pages a held incident (no out-of-hours cover) when working hours begin",
    policy: "short",
    retryLimit: 5,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: 60,
    pollingIntervalSeconds: 2,
  },
  "schedule.audit-seal-backlog": {
    purpose: "Seals audit events a crashed or busy request left unsealed",
    cron: "* * * * *",
    policy: "stately",
    retryLimit: 0,
    pollingIntervalSeconds: 2,
  },
  "schedule.required-checks-sweep": {
    purpose: "Marks required post-deployment checks past their deadline as missed",
    cron: "* * * * *",
    policy: "stately",
    retryLimit: 0,
    pollingIntervalSeconds: 2,
  },
  "schedule.dora-snapshot": {
    purpose: "Recomputes the organisation's DORA snapshot, shared by every process",
    cron: "* * * * *",
    policy: "stately",
    retryLimit: 0,
    pollingIntervalSeconds: 5,
  },
  "schedule.minutely-reminders": {
    purpose: "Shift-start reminders (1 hour ahead) and emergency changes whose review is due",
    cron: "* * * * *",
    policy: "stately",
    retryLimit: 0,
    pollingIntervalSeconds: 2,
  },
  "schedule.events-backstop": {
    purpose: "Drains every subscriber once a minute, in case a wake-up was missed",
    cron: "* * * * *",
    policy: "stately",
    retryLimit: 0,
    pollingIntervalSeconds: 5,
  },
};

export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

export function isQueueName(value: string): value is QueueName {
  return (QUEUE_NAMES as string[]).includes(value);
}
