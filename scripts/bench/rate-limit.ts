// `npx tsx scripts/bench/rate-limit.ts`: what the rate limits cost, on a fresh embedded PostgreSQL
// whose RateLimitCounter already holds BENCH_RATE_LIMIT_KEYS (100,000) live counters (an hour of a
// password-spraying attack's accounts and addresses). Measures, in-process on the app's pool:
//   - the sign-in check of one attempt, as the credentials route and authorize() make it (peek,
//     take a point from address and account, settle, and for a failure peek again), one at a time and
//     BENCH_CONCURRENCY at once;
//   - the per-token API check (limitApiCaller's limiter) with its leases, against a lease of 1 point
//     (one upsert per request, what the library does unaided), over BENCH_TOKENS tokens.
// With `--http` (after `npm run build`) it also times GET /api/v1/services through `next start` with
// the API limit on and off (RUNWELL_API_RATE_LIMIT=0), alternating rounds, as the share of throughput
// the limit costs. Rewrites the <!-- bench:rate-limit --> section of docs/PERFORMANCE.md.
import { execSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { fmt, freshDatabase, httpClient, latencySummary, percentile, runConcurrently, startNextServer, timeIt } from "./harness";

const KEYS = Number(process.env.BENCH_RATE_LIMIT_KEYS ?? 100_000);
const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const API_CALLS = Number(process.env.BENCH_API_CALLS ?? 200_000);
const TOKENS = Number(process.env.BENCH_TOKENS ?? 32);
const HTTP = process.argv.includes("--http");
const HTTP_REQUESTS = Number(process.env.BENCH_HTTP_REQUESTS ?? 3000);
const HTTP_ROUNDS = Number(process.env.BENCH_HTTP_ROUNDS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3460);

async function main() {
  const loadBefore = os.loadavg();
  const database = await freshDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.DATABASE_POOL_SIZE = String(CONCURRENCY + 4);
  const { db } = await import("../../lib/db");
  const { SignInLimiter, ApiLimiter } = await import("../../lib/http/rate-limit");
  const prisma = db();
  const rows: string[] = [];

  // Live counters in the table, as an attack leaves them: one account row and one address row per guess.
  const expire = Date.now() + 15 * 60_000;
  const seeded = await timeIt(() =>
    prisma.$executeRawUnsafe(
      `INSERT INTO "RateLimitCounter" (key, points, expire)
       SELECT CASE WHEN i % 2 = 0 THEN 'signin-account:' || md5(i::text) ELSE 'signin-address:' || (i / 65536 % 256) || '.' || (i / 256 % 256) || '.' || (i % 256) || '.1' END, 1 + i % 4, ${Math.trunc(expire)}
       FROM generate_series(1, ${Math.trunc(KEYS)}) AS i ON CONFLICT DO NOTHING`,
    ),
  );
  await prisma.$executeRawUnsafe(`ANALYZE "RateLimitCounter"`);
  const data = `${KEYS.toLocaleString("en")} live counters`;

  const settings = { signInAccountLimit: 5, signInAddressLimit: 20, signInLockSeconds: 900, apiPerMinute: 6000 };
  const signIn = new SignInLimiter(prisma, settings);
  /** One attempt's limiter work, as route + authorize do it; every 4th is a failure, every 10th account repeats. */
  const attempt = async (i: number) => {
    const email = `bench-${i % 10 === 0 ? "repeat" : i}@example.test`;
    const address = `203.0.113.${i % 200}`;
    if (await signIn.lockFor(email, address)) return;
    const started = await signIn.begin(email, address);
    if (started.locked) return;
    if (i % 4 === 0) {
      await started.failed();
      await signIn.lockFor(email, address);
    } else {
      await started.succeeded();
    }
  };
  await runConcurrently(200, 4, (i) => attempt(1_000_000 + i)); // prepare the statements on the pool's connections
  const sequential = await runConcurrently(ATTEMPTS, 1, attempt);
  const parallel = await runConcurrently(ATTEMPTS, CONCURRENCY, (i) => attempt(ATTEMPTS + i));
  const peek = await runConcurrently(ATTEMPTS, 1, (i) => signIn.lockFor(`peek-${i}@example.test`, `203.0.113.${i % 200}`));
  rows.push(
    `| sign-in check of one attempt (peek, take from address and account, settle; a failure peeks again), one at a time | ${data} | ${(ATTEMPTS / (sequential.wallMs / 1000)).toFixed(0)} attempts/s | ${latencySummary(sequential.latencies)} |`,
    `| the same, ${CONCURRENCY} at once | ${data} | ${(ATTEMPTS / (parallel.wallMs / 1000)).toFixed(0)} attempts/s | ${latencySummary(parallel.latencies)} |`,
    `| the lock check alone (the route's peek before next-auth runs) | ${data} | ${(ATTEMPTS / (peek.wallMs / 1000)).toFixed(0)} checks/s | ${latencySummary(peek.latencies)} |`,
  );

  // The per-token API check: leases against one upsert per request.
  for (const [label, leaseSize] of [["leases of 60 points (1 % of 6,000/min), as deployed", undefined], ["one upsert per request (lease of 1)", 1]] as const) {
    const api = new ApiLimiter(prisma, { ...settings, apiPerMinute: 1_000_000_000, apiLeaseSize: leaseSize ?? 60, keyPrefix: `bench-${leaseSize ?? 60}-` });
    const calls = leaseSize === 1 ? Math.min(API_CALLS, 20_000) : API_CALLS;
    await runConcurrently(1000, CONCURRENCY, (i) => api.take(`token-${i % TOKENS}`));
    const start = performance.now();
    const taken = await runConcurrently(calls, CONCURRENCY, (i) => api.take(`token-${i % TOKENS}`));
    const perCallUs = ((performance.now() - start) * 1000) / calls;
    rows.push(
      `| per-token API check, ${label}, ${CONCURRENCY} concurrent over ${TOKENS} tokens | ${calls.toLocaleString("en")} checks | ${(calls / (taken.wallMs / 1000)).toFixed(0)} checks/s (${perCallUs.toFixed(1)} µs each) | p50 ${fmt(percentile(taken.latencies, 50))}, p99 ${fmt(percentile(taken.latencies, 99))} |`,
    );
  }

  if (HTTP) rows.push(...(await httpComparison(database.url)));

  await prisma.$disconnect();
  await database.stop();
  const loadAfter = os.loadavg();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}, embedded PostgreSQL 18 on the same machine`;
  const section = [
    "<!-- bench:rate-limit:start -->",
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine}. Counters seeded in ${fmt(seeded.ms)}. Load average before ${loadBefore.map((n) => n.toFixed(2)).join(", ")}; after ${loadAfter.map((n) => n.toFixed(2)).join(", ")} (1, 5 and 15 minutes).`,
    "",
    "| what | data | throughput | latency |",
    "| --- | --- | --- | --- |",
    ...rows,
    "<!-- bench:rate-limit:end -->",
  ].join("\n");
  const file = "docs/PERFORMANCE.md";
  const doc = readFileSync(file, "utf8");
  writeFileSync(file, doc.includes("<!-- bench:rate-limit:start -->")
    ? doc.replace(/<!-- bench:rate-limit:start -->[\s\S]*?<!-- bench:rate-limit:end -->/, section)
    : `${doc.trimEnd()}\n\n## Rate limits\n\n${section}\n`);
  console.log(section);
}

const CLOCK_TICKS = Number(execSync("getconf CLK_TCK").toString().trim()) || 100;

/** Processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) found.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

/** CPU time (user + system, ms) used so far by `pid`, its reaped children, and its live descendants. */
function cpuMs(pid: number): number {
  let ticks = 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(")")[1]!.trim().split(" ");
    // utime, stime, cutime, cstime are fields 14-17 of stat; after "pid (comm)" they start at index 11.
    ticks = fields.slice(11, 15).reduce((sum, value) => sum + Number(value), 0);
  } catch {
    return 0;
  }
  return (ticks * 1000) / CLOCK_TICKS + childrenOf(pid).reduce((sum, child) => sum + cpuMs(child), 0);
}

/** The embedded PostgreSQL's postmaster, whose children are the backends serving the app's pool. */
function postmasterPid(): number {
  const dir = process.env.RUNWELL_DATA_DIR;
  return dir ? Number(readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8").split("\n")[0]) : 0;
}

/**
 * GET /api/v1/services with a token through `next start`, the API limit on and off, rounds alternating.
 * Throughput on a shared two-core machine swings with whatever else runs, so the cost is also given as
 * CPU time per request of the server and the database together, read from /proc around each timed round.
 */
async function httpComparison(url: string): Promise<string[]> {
  const { db } = await import("../../lib/db");
  const { createApiToken } = await import("../../lib/tokens/create-api-token");
  const { createExposureBands, createService, createTeam } = await import("../../prisma/seed/factories");
  const prisma = db();
  await createExposureBands(prisma);
  const team = await createTeam(prisma, { slug: "bench-rl-team" });
  await createService(prisma, { slug: "bench-rl-service", teamId: team.id });
  // 16 tokens keep each under the default 6,000 a minute at this machine's rate, so "on" is the
  // deployed limit refilling 60-point leases about once a second per token, and never answers 429.
  const secrets = await Promise.all(
    Array.from({ length: 16 }, async (_, i) => (await createApiToken(prisma, { kind: "CLI", label: "cli:bench" }, { service: "bench-rl-service", name: `bench ${i}`, scopes: ["deployments:write"] })).secret),
  );
  const results: Record<"on" | "off", number[]> = { on: [], off: [] };
  const cpuPerRequest: Record<"on" | "off", number[]> = { on: [], off: [] };
  const database = postmasterPid();
  const statuses: Record<string, number> = {};
  const latencies: Record<"on" | "off", number[]> = { on: [], off: [] };
  for (let round = 0; round < HTTP_ROUNDS; round++) {
    // ABBA: the machine's load drifts during a run, so neither setting always gets the earlier slot.
    for (const mode of round % 2 === 0 ? (["on", "off"] as const) : (["off", "on"] as const)) {
      if (mode === "on") delete process.env.RUNWELL_API_RATE_LIMIT;
      else process.env.RUNWELL_API_RATE_LIMIT = "0";
      const server = await startNextServer({ url, port: PORT });
      const client = httpClient(`http://localhost:${PORT}`);
      try {
        const call = async (i: number) => {
          const { status } = await client.request("GET", "/api/v1/services", { headers: { authorization: `Bearer ${secrets[i % secrets.length]}` } });
          statuses[`${mode} ${status}`] = (statuses[`${mode} ${status}`] ?? 0) + 1;
        };
        await runConcurrently(2000, 32, call); // warm-up
        const cpuBefore = cpuMs(server.pid) + (database ? cpuMs(database) : 0);
        const timed = await runConcurrently(HTTP_REQUESTS, 32, call);
        const cpuAfter = cpuMs(server.pid) + (database ? cpuMs(database) : 0);
        cpuPerRequest[mode].push((cpuAfter - cpuBefore) / HTTP_REQUESTS);
        results[mode].push(HTTP_REQUESTS / (timed.wallMs / 1000));
        latencies[mode].push(...timed.latencies);
      } finally {
        client.close();
        server.stop();
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    }
  }
  delete process.env.RUNWELL_API_RATE_LIMIT;
  console.log("statuses", statuses);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const [on, off] = [mean(results.on), mean(results.off)];
  const [cpuOn, cpuOff] = [mean(cpuPerRequest.on), mean(cpuPerRequest.off)];
  const cpuRounds = (mode: "on" | "off") => cpuPerRequest[mode].map((ms) => ms.toFixed(2)).join(", ");
  return [
    `| GET /api/v1/services with a token via \`next start\`, API limit on (32 clients, ${HTTP_ROUNDS} rounds alternating) | ${HTTP_REQUESTS} requests a round | ${on.toFixed(0)} requests/s (rounds ${results.on.map((r) => r.toFixed(0)).join(", ")}) | ${latencySummary(latencies.on.sort((a, b) => a - b))} |`,
    `| the same, API limit off (RUNWELL_API_RATE_LIMIT=0) | ${HTTP_REQUESTS} requests a round | ${off.toFixed(0)} requests/s (rounds ${results.off.map((r) => r.toFixed(0)).join(", ")}) | ${latencySummary(latencies.off.sort((a, b) => a - b))} |`,
    `| ratio on / off | | ${(on / off).toFixed(3)}× | answers: ${Object.entries(statuses).map(([k, v]) => `${k}: ${v}`).join(", ")} |`,
    `| CPU per request, server + database, limit on | ${HTTP_REQUESTS} requests a round | — | ${cpuOn.toFixed(2)} ms (rounds ${cpuRounds("on")}) |`,
    `| CPU per request, server + database, limit off | ${HTTP_REQUESTS} requests a round | — | ${cpuOff.toFixed(2)} ms (rounds ${cpuRounds("off")}); on costs ${(((cpuOn - cpuOff) / cpuOff) * 100).toFixed(1)} % more |`,
  ];
}

main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
