// `npx tsx scripts/bench/authorize.ts`: what every API request pays to learn who is calling and whether
// it may: the bearer token read from PostgreSQL (no cache, so a revocation applies at once everywhere)
// and the one authorize over the matrix, with BENCH_AUTH_TOKENS tokens in the table. Sequential calls
// (the per-request cost) and 32 concurrent callers (what the pool does under a pipeline fleet).
// Rewrites the <!-- bench:authorize --> section of docs/PERFORMANCE.md, with the machine's load average.
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { freshDatabase, percentile, runConcurrently } from "./harness";

// Sub-millisecond numbers: three decimals.
const ms = (value: number) => `${value.toFixed(3)} ms`;
const summary = (sorted: number[]) => `p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, p99 ${ms(percentile(sorted, 99))}`;

const TOKENS = Number(process.env.BENCH_AUTH_TOKENS ?? 10_000);
const CALLS = Number(process.env.BENCH_AUTH_CALLS ?? 20_000);

async function main() {
  const loadBefore = os.loadavg();
  const database = await freshDatabase();
  process.env.DATABASE_URL = database.url;
  const { db } = await import("../../lib/db");
  const { createEnvironments, createDomain, createTeam, createService } = await import("../../prisma/seed/factories");
  const { createApiToken } = await import("../../lib/tokens/create-api-token");
  const { actorForBearerToken } = await import("../../lib/auth/api-tokens");
  const { authorize } = await import("../../lib/authz/can");
  const prisma = db();
  await createEnvironments(prisma);
  const domain = await createDomain(prisma);
  const team = await createTeam(prisma, { domainId: domain.id });
  const service = await createService(prisma, { teamId: team.id });
  const cli = { kind: "CLI", label: "cli:bench" } as const;
  const secrets: string[] = [];
  for (let i = 0; i < 200; i++) secrets.push((await createApiToken(prisma, cli, { service: service.slug, name: `bench ${i}`, scopes: ["deployments:write", "gate:read"] })).secret);
  // The rest of the table: other services' tokens, inserted directly (only their hashes matter here).
  await prisma.$executeRawUnsafe(`
    INSERT INTO "ApiToken" (id, name, prefix, "tokenHash", scopes, "serviceId", "updatedAt")
    SELECT 'bt' || g, 'filler ' || g, 'rw_x', md5(g::text) || md5((g + 1)::text), '{deployments:write}', '${service.id}', now()
      FROM generate_series(1, ${Math.max(0, TOKENS - secrets.length)}) g`);
  await prisma.$executeRawUnsafe(`ANALYZE "ApiToken"`);

  const check = async (i: number) => {
    const actor = await actorForBearerToken(secrets[i % secrets.length]!);
    if (!actor) throw new Error("a bench token did not verify");
    authorize(actor, "deployments.report", { serviceId: service.id });
  };
  for (let i = 0; i < 2000; i++) await check(i); // warm: prepared statement, pool, JIT

  const sequential: number[] = [];
  const started = performance.now();
  for (let i = 0; i < CALLS; i++) {
    const t = performance.now();
    await check(i);
    sequential.push(performance.now() - t);
  }
  const sequentialWall = performance.now() - started;
  sequential.sort((a, b) => a - b);
  const concurrent = await runConcurrently(CALLS, 32, check);

  const matrixOnly: number[] = [];
  const actor = (await actorForBearerToken(secrets[0]!))!;
  for (let i = 0; i < 100_000; i++) {
    const t = performance.now();
    authorize(actor, "deployments.report", { serviceId: service.id });
    matrixOnly.push(performance.now() - t);
  }
  matrixOnly.sort((a, b) => a - b);

  const loadAfter = os.loadavg();
  const rows = [
    `| token read + authorize, one caller at a time | ${CALLS} calls | mean ${ms(sequentialWall / CALLS)} | ${summary(sequential)} |`,
    `| token read + authorize, 32 concurrent callers | ${CALLS} calls | ${(CALLS / (concurrent.wallMs / 1000)).toFixed(0)} checks/s | ${summary(concurrent.latencies)} |`,
    `| authorize alone (the matrix, no I/O) | 100000 calls | — | p50 ${(matrixOnly[50_000]! * 1000).toFixed(1)} µs, p99 ${(matrixOnly[99_000]! * 1000).toFixed(1)} µs |`,
  ];
  const section = [
    "<!-- bench:authorize:start -->",
    `Measured ${new Date().toISOString().slice(0, 16)}Z, ${TOKENS.toLocaleString("en")} tokens in the table, load average ${loadBefore[0]!.toFixed(1)} before / ${loadAfter[0]!.toFixed(1)} after (${os.cpus().length} cores).`,
    "",
    "| what | size | throughput | latency |",
    "|---|---|---|---|",
    ...rows,
    "<!-- bench:authorize:end -->",
  ].join("\n");
  console.log(section);
  const file = "docs/PERFORMANCE.md";
  const doc = readFileSync(file, "utf8");
  const pattern = /<!-- bench:authorize:start -->[\s\S]*<!-- bench:authorize:end -->/;
  writeFileSync(file, pattern.test(doc) ? doc.replace(pattern, section) : `${doc.trimEnd()}\n\n## Per-request authorisation and revocation\n\nEvery API request reads its token from PostgreSQL (so a revocation is refused at once in every process) and asks the one authorize. Target: at most 0.5 ms a request. \`npx tsx scripts/bench/authorize.ts\`.\n\n${section}\n`);
  await prisma.$disconnect();
  await database.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
