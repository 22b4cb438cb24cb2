// Shared bench plumbing: a fresh database (embedded unless BENCH_DATABASE_URL), `next start` on it, timing and percentiles.
import { spawn } from "node:child_process";
import http from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

export async function freshDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: async () => {} };
  const dir = mkdtempSync(path.join(os.tmpdir(), "runwell-bench-"));
  process.env.RUNWELL_DATA_DIR = dir;
  process.env.RUNWELL_DB_PORT = process.env.BENCH_DB_PORT ?? "55700";
  const { startEmbeddedPostgres } = await import("../../lib/runtime/embedded-postgres");
  const { applyMigrations } = await import("../../lib/runtime/prepare-database");
  const database = await startEmbeddedPostgres();
  applyMigrations(database.url);
  return {
    url: database.url,
    stop: async () => {
      await database.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function timeIt<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Runs `total` calls of fn with `concurrency` in flight; returns per-call latencies (ms) and wall time. */
export async function runConcurrently(total: number, concurrency: number, fn: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await fn(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { wallMs: performance.now() - start, latencies: latencies.sort((a, b) => a - b) };
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/**
 * Warms a server up until its throughput stops rising: rounds of `round` calls until one is less than
 * 5% faster than the best before it (at most `maxRounds`). A fresh `next start` needs thousands of
 * requests before V8 has optimised the request path and every pooled connection has its statements
 * prepared and its caches filled: on these cores the first 1,000 gate decisions run at about 100/s and
 * the next thousands at 190–240/s (docs/PERFORMANCE.md). A long-running server is what a pipeline fleet meets, so the benches report
 * the steady state, and the first round (a server just started) on its own.
 */
export async function warmUp(fn: (i: number) => Promise<unknown>, options: { concurrency: number; round?: number; maxRounds?: number; offset?: number }) {
  const { concurrency, round = 1000, maxRounds = 8, offset = 50_000_000 } = options;
  const rates: number[] = [];
  for (let r = 0; r < maxRounds; r++) {
    const { wallMs } = await runConcurrently(round, concurrency, (i) => fn(offset + r * round + i));
    const rate = round / (wallMs / 1000);
    const best = Math.max(0, ...rates);
    rates.push(rate);
    if (r >= 2 && rate < best * 1.05) break;
  }
  return { rates, requests: rates.length * round };
}

/** p50, p95 and p99 of sorted latencies, for a table cell. */
export const latencySummary = (sorted: number[]) => `p50 ${fmt(percentile(sorted, 50))}, p95 ${fmt(percentile(sorted, 95))}, p99 ${fmt(percentile(sorted, 99))}`;

export type HttpClient = ReturnType<typeof httpClient>;

/**
 * One server's throughput for one kind of request: starts `next start` (workers = 1) or `npm start`'s
 * RUNWELL_WEB_WORKERS launcher, warms it up to its steady state, times `requests` calls at
 * `concurrency`, then an empty route (GET /api/health) through the same server and clients as the
 * machine's ceiling, and stops it. `call` returns an outcome label ("201", "allow", ...), counted for
 * the timed calls only. Call numbers are unique across warm-up, timing and worker counts.
 */
export async function measureServer(options: {
  url: string; port: number; poolSize: number; workers: number; concurrency: number; requests: number;
  call: (client: HttpClient, i: number) => Promise<string>;
}) {
  const { url, port, poolSize, workers, concurrency, requests, call } = options;
  const { stop } = await startNextServer({ url, port, poolSize, workers });
  const client = httpClient(`http://localhost:${port}`);
  const base = workers * 100_000_000;
  try {
    const warm = await warmUp((i) => call(client, i), { concurrency, offset: base + 50_000_000 });
    const outcomes: Record<string, number> = {};
    const timed = await runConcurrently(requests, concurrency, async (i) => {
      const outcome = await call(client, base + i);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    });
    await runConcurrently(2000, concurrency, () => client.request("GET", "/api/health"));
    const empty = await runConcurrently(requests, concurrency, () => client.request("GET", "/api/health"));
    return {
      label: workers === 1 ? "`next start`" : `${workers} \`next start\` workers (RUNWELL_WEB_WORKERS=${workers})`,
      rate: requests / (timed.wallMs / 1000),
      latencies: timed.latencies,
      outcomes,
      warm,
      emptyRate: requests / (empty.wallMs / 1000),
      emptyLatencies: empty.latencies,
    };
  } finally {
    client.close();
    stop();
    await new Promise((resolve) => setTimeout(resolve, 2000)); // the port is free again
  }
}

/**
 * Starts the production build (`next start`, after `npm run build`) on the given database and waits
 * until /api/health answers. `poolSize` sets DATABASE_POOL_SIZE (the server's default otherwise).
 */
const BENCH_AUTH_SECRET = "bench-secret-bench-secret";

export async function startNextServer(options: { url: string; port: number; poolSize?: number; workers?: number }): Promise<{ pid: number; stop: () => void; stopped: Promise<void> }> {
  const { url, port, poolSize, workers = 1 } = options;
  // BENCH_SERVER_PROFILE_DIR=<dir> writes a V8 CPU profile of the server (each worker) when it stops.
  const profile = process.env.BENCH_SERVER_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE_DIR}`] : [];
  // More than one worker: `npm start` with RUNWELL_WEB_WORKERS, the launcher production uses (it is the
  // cluster's primary and supervises the workers).
  const command = workers > 1 ? ["node_modules/tsx/dist/cli.mjs", "scripts/serve.ts", "start"] : ["node_modules/next/dist/bin/next", "start", "-p", String(port)];
  const child = spawn(process.execPath, [...profile, ...command], {
    env: {
      ...process.env, DATABASE_URL: url, NEXTAUTH_URL: `http://localhost:${port}`, NEXTAUTH_SECRET: BENCH_AUTH_SECRET, NODE_ENV: "production",
      PORT: String(port), RUNWELL_WEB_WORKERS: String(workers), RUNWELL_SEED_DEMO: "false",
      ...(poolSize ? { DATABASE_POOL_SIZE: String(poolSize) } : {}),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  // Resolves when the server process has exited (and so released its port).
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`http://localhost:${port}/api/health`).then((r) => r.ok, () => false);
    if (ok) return { pid: child.pid!, stop: () => child.kill("SIGTERM"), stopped: exited };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGTERM");
  throw new Error("next start did not answer /api/health");
}

/**
 * A load-generator client: node:http over a keep-alive agent, as wrk or autocannon would drive the
 * server. Undici's fetch costs the load generator about 1.1 ms of CPU per request on these two cores
 * (node:http about 0.3 ms), and the generator shares the cores with the server and the database, so a
 * fetch-driven bench measured mostly itself: /api/health did 470/s with fetch and 940/s with this.
 */
export function httpClient(baseUrl: string, maxSockets = 64) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  return {
    request(method: "GET" | "POST", path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) {
      const body = options.body === undefined ? undefined : JSON.stringify(options.body);
      const headers: Record<string, string | number> = { ...options.headers };
      if (body !== undefined) Object.assign(headers, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      return new Promise<{ status: number; text: string }>((resolve, reject) => {
        const request = http.request(`${baseUrl}${path}`, { method, agent, headers }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
          response.on("error", reject);
        });
        request.on("error", reject);
        request.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}

/** A next-auth session cookie for a person, signed with the secret startNextServer gives the server. */
export async function sessionCookie(personId: string): Promise<string> {
  const { encode } = await import("next-auth/jwt");
  const token = await encode({ token: { personId, sub: personId }, secret: BENCH_AUTH_SECRET });
  return `next-auth.session-token=${token}`;
}
