// The process's Prometheus metrics (prom-client). Everything lives in one registry per process, kept
// on globalThis: a production build holds several copies of this module (STACK.md), and the HTTP
// observer, the background jobs and /api/metrics must all count into the same one. prom-client is a
// server external package (next.config.ts), so there is one copy of the library itself.
//
// Under RUNWELL_WEB_WORKERS each worker has its own registry and the cluster's primary sums them
// (scripts/web-workers.mjs). The `aggregator` of each metric says how: counters, histograms and pool
// sizes add up; values every worker reads from the same database take the maximum instead.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpDuration: new Histogram({
      name: "runwell_http_request_duration_seconds",
      help: "Time from receiving a request to its response's end, by route pattern, method and status",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    pool: new Gauge({
      name: "runwell_db_pool_connections",
      help: "Database connections in this process's pool: max (configured), total (open), idle",
      labelNames: ["state"] as const,
      registers,
    }),
    poolWaiting: new Gauge({
      name: "runwell_db_pool_waiting_requests",
      help: "Queries waiting for a free pooled connection",
      registers,
    }),
    databaseUp: new Gauge({
      name: "runwell_database_up",
      help: "1 when the last scrape's database query answered, else 0",
      aggregator: "min",
      registers,
    }),
    auditUnsealed: new Gauge({
      name: "runwell_audit_unsealed_events",
      help: "Committed audit events not yet sealed into the hash chain (the seal backlog)",
      aggregator: "max",
      registers,
    }),
    auditUnsealedAge: new Gauge({
      name: "runwell_audit_oldest_unsealed_event_age_seconds",
      help: "Age of the oldest unsealed audit event; 0 when none. Growing means the sealer is failing",
      aggregator: "max",
      registers,
    }),
    auditChainOk: new Gauge({
      name: "runwell_audit_chain_last_verification_ok",
      help: "1 when the newest recorded chain verification found the chain intact, 0 when broken, -1 when never verified",
      aggregator: "min",
      registers,
    }),
    auditChainCheckedAt: new Gauge({
      name: "runwell_audit_chain_last_verification_timestamp_seconds",
      help: "When the newest chain verification finished (Unix time); 0 when never verified",
      aggregator: "max",
      registers,
    }),
    auditUnverified: new Gauge({
      name: "runwell_audit_unverified_events",
      help: "Sealed events after the newest intact verification's prefix",
      aggregator: "max",
      registers,
    }),
    jobDuration: new Histogram({
      name: "runwell_job_duration_seconds",
      help: "Time a job took in this process, by queue and outcome (completed, failed)",
      labelNames: ["queue", "outcome"] as const,
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
      registers,
    }),
    jobRuns: new Counter({
      name: "runwell_job_runs_total",
      help: "Job runs started in this process, by queue (scheduled jobs run on one instance per period)",
      labelNames: ["queue"] as const,
      registers,
    }),
    jobLastSuccess: new Gauge({
      name: "runwell_job_last_success_timestamp_seconds",
      help: "When a job of each queue last completed in this process (Unix time); alert when a schedule stops",
      labelNames: ["queue"] as const,
      aggregator: "max",
      registers,
    }),
    jobFailures: new Counter({
      name: "runwell_job_failures_total",
      help: "Job runs that threw (each is retried per its queue's policy, then kept as failed)",
      labelNames: ["queue"] as const,
      registers,
    }),
    queueDepth: new Gauge({
      name: "runwell_queue_jobs",
      help: "Jobs per queue and state (created, retry, active, failed) in the job queue",
      labelNames: ["queue", "state"] as const,
      aggregator: "max",
      registers,
    }),
    eventsBehind: new Gauge({
      name: "runwell_events_undelivered",
      help: "Domain events each subscriber has not handled yet",
      labelNames: ["subscriber"] as const,
      aggregator: "max",
      registers,
    }),
    deliveryLatency: new Histogram({
      name: "runwell_delivery_latency_seconds",
      help: "From a domain event's commit to its delivery, by channel (in_app, email, webhook)",
      labelNames: ["channel"] as const,
      buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const METRICS = Symbol.for("runwell.metrics");
const holder = globalThis as unknown as { [METRICS]?: Metrics };

export function metrics(): Metrics {
  return (holder[METRICS] ??= createMetrics());
}
