// `npx tsx scripts/bench/changes-gate.ts` (needs `npm run build` first): POST /api/v1/changes/gate
// through `next start` at BENCH_GATE_CONCURRENCY clients on a large generated organisation
// (BENCH_SERVICES services, BENCH_DEPLOYMENTS deployments over a year, the deployments bench's
// generator), every request a new version (so every allow records a standard change and every answer
// a gate decision with its audit event). Also the same use case in-process (no HTTP). Rewrites the
// <!-- bench:changes-gate --> section of docs/PERFORMANCE.md, with the machine's load average.
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fmt, freshDatabase, latencySummary, measureServer, runConcurrently, timeIt, type HttpClient } from "./harness";

const CONCURRENCY = Number(process.env.BENCH_GATE_CONCURRENCY ?? 32);
const REQUESTS = Number(process.env.BENCH_GATE_REQUESTS ?? 6000);
const SERVICES = Number(process.env.BENCH_SERVICES ?? 2000);
const DEPLOYMENTS = Number(process.env.BENCH_DEPLOYMENTS ?? 1_000_000);
const TOKENS = Number(process.env.BENCH_GATE_TOKENS ?? 200);
const PORT = Number(process.env.BENCH_PORT ?? 3104);
const WORKERS = Number(process.env.BENCH_WEB_WORKERS ?? 2);


async function main() {
  const loadBefore = os.loadavg();
  const database = await freshDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.DATABASE_POOL_SIZE = "10";
  const { db } = await import("../../lib/db");
  const { createEnvironments, createDomain } = await import("../../prisma/seed/factories");
  const { createPattern } = await import("../../prisma/seed/change-factories");
  const { createApiToken } = await import("../../lib/tokens/create-api-token");
  const { actorForBearerToken } = await import("../../lib/auth/api-tokens");
  const { gateDecision } = await import("../../lib/changes/gate");
  const prisma = db();
  const cli = { kind: "CLI", label: "cli:bench" } as const;
  const rows: string[] = [];

  await createEnvironments(prisma);
  const domain = await createDomain(prisma);
  const generate = await timeIt(async () => {
    await prisma.$executeRawUnsafe(`
      INSERT INTO "Team" (id, slug, name, "domainId", "updatedAt") SELECT 'bt' || t, 'bench-team-' || t, 'Bench team ' || t, '${domain.id}', now() FROM generate_series(1, 100) t`);
    await prisma.$executeRawUnsafe(`
      INSERT INTO "Service" (id, slug, name, "teamId", tier, "updatedAt")
      SELECT 'bs' || s, 'bench-service-' || s, 'Bench service ' || s, 'bt' || (1 + s % 100), ('TIER_' || (1 + s % 4))::"ServiceTier", now() FROM generate_series(1, ${SERVICES}) s`);
    // One in 23 services has a bad streak: its recent required checks failed.
    await prisma.$executeRawUnsafe(`
      INSERT INTO "Deployment" (id, "serviceId", "environmentId", version, "externalId", status, "startedAt", "finishedAt", "firstCommitAt", "requiredChecksStatus", "updatedAt")
      SELECT 'bd' || g, 'bs' || (1 + g % ${SERVICES}), e.id, 'v' || g, 'gen-' || g,
             (CASE WHEN g % 17 = 0 THEN 'FAILED' WHEN g % 41 = 0 THEN 'ROLLED_BACK' ELSE 'SUCCEEDED' END)::"DeploymentStatus",
             now() - (g * interval '31.5 seconds') - interval '10 minutes', now() - (g * interval '31.5 seconds'),
             now() - (g * interval '31.5 seconds') - ((g % 200) * interval '1 hour'),
             (CASE WHEN (1 + g % ${SERVICES}) % 23 = 0 AND g < ${SERVICES * 30} THEN 'FAILED' ELSE 'PASSED' END)::"RequiredChecksStatus", now()
        FROM generate_series(1, ${DEPLOYMENTS}) g
        JOIN "Environment" e ON e.slug = (CASE g % 3 WHEN 0 THEN 'production' WHEN 1 THEN 'staging' ELSE 'development' END)`);
    // One in 10 services is frozen now.
    await prisma.$executeRawUnsafe(`
      INSERT INTO "FreezeWindow" (id, name, scope, "serviceId", "startsAt", "endsAt", "updatedAt")
      SELECT 'bf' || s, 'Bench freeze ' || s, 'SERVICE', 'bs' || s, now() - interval '1 day', now() + interval '1 day', now() FROM generate_series(10, ${SERVICES}, 10) s`);
    // What autovacuum would have done to a year of history: statistics, and the visibility map that lets
    // the DORA and track-record reads stay index-only (and keeps a vacuum of the fresh rows out of the timings).
    await prisma.$executeRawUnsafe(`VACUUM (ANALYZE)`);
  });
  const production = await prisma.environment.findUniqueOrThrow({ where: { slug: "production" }, select: { id: true } });
  await createPattern(prisma, {
    name: "Bench routine", slug: "bench-routine", environmentIds: [production.id], tiers: ["TIER_2", "TIER_3", "TIER_4"],
    rules: [{ kind: "track-record", count: 5, days: 30 }, { kind: "change-failure-rate", days: 30, maxPercent: 15 }, { kind: "health-checks-passed", count: 5 }, { kind: "automated-pipeline" }, { kind: "outside-freeze" }],
  });
  await createPattern(prisma, {
    name: "Bench tier 1", slug: "bench-tier-1", environmentIds: [production.id], tiers: ["TIER_1"],
    rules: [{ kind: "track-record", count: 10, days: 30 }, { kind: "change-failure-rate", days: 30, maxPercent: 5 }, { kind: "health-checks-passed", count: 5 }, { kind: "automated-pipeline" }, { kind: "on-call" }],
  });
  const tokens: { slug: string; secret: string }[] = [];
  for (let i = 1; i <= TOKENS; i++) {
    const slug = `bench-service-${1 + ((i * 37) % SERVICES)}`;
    const token = await createApiToken(prisma, cli, { service: slug, name: "bench", scopes: ["gate:read"] });
    tokens.push({ slug, secret: token.secret });
  }
  rows.push(`| generate the organisation (SQL) | ${SERVICES} services, ${DEPLOYMENTS.toLocaleString("en")} deployments over a year, ${Math.floor(SERVICES / 10)} freezes, 2 patterns | — | ${fmt(generate.ms)} |`);

  // One `next start`, then `npm start`'s RUNWELL_WEB_WORKERS launcher with WORKERS processes.
  const ask = async (client: HttpClient, i: number) => {
    const token = tokens[i % tokens.length]!;
    const response = await client.request("POST", "/api/v1/changes/gate", {
      headers: { authorization: `Bearer ${token.secret}` },
      body: { service: token.slug, environment: "production", version: `bench-${i}`, commits: ["abcdef12"] },
    });
    return response.status === 200 ? (JSON.parse(response.text) as { decision: "allow" | "deny" }).decision : "error";
  };
  for (const workers of [1, WORKERS]) {
    const run = await measureServer({ url: database.url, port: PORT, poolSize: CONCURRENCY, workers, concurrency: CONCURRENCY, requests: REQUESTS, call: ask });
    const { allow = 0, deny = 0, error = 0 } = run.outcomes;
    rows.push(`| POST /api/v1/changes/gate via ${run.label} (${CONCURRENCY} clients, ${TOKENS} service tokens, new version each), steady state | ${REQUESTS} decisions: ${allow} allow, ${deny} deny${error ? `, ${error} errors` : ""} | ${run.rate.toFixed(0)} decisions/s | ${latencySummary(run.latencies)} |`);
    rows.push(`| the same server just started: its first ${run.warm.requests.toLocaleString("en")} decisions, 1,000 at a time | — | ${run.warm.rates.map((rate) => rate.toFixed(0)).join(", ")} decisions/s | — |`);
    rows.push(`| ceiling: \`GET /api/health\` (an empty route) through the same server and clients | ${REQUESTS} requests | ${run.emptyRate.toFixed(0)} requests/s | ${latencySummary(run.emptyLatencies)} |`);
  }

  // The same use case in-process: what the gate costs without HTTP, auth lookups and Next.js.
  const actors = await Promise.all(tokens.slice(0, 50).map(async (token) => ({ slug: token.slug, actor: (await actorForBearerToken(token.secret))! })));
  const inProcess = await runConcurrently(REQUESTS, CONCURRENCY, (i) => {
    const client = actors[i % actors.length]!;
    return gateDecision(prisma, client.actor, { service: client.slug, environment: "production", version: `inproc-${i}` }, "http://bench");
  });
  rows.push(`| the gate use case in-process (${CONCURRENCY} concurrent, pool ${process.env.DATABASE_POOL_SIZE}) | ${REQUESTS} decisions | ${(REQUESTS / (inProcess.wallMs / 1000)).toFixed(0)} decisions/s | ${latencySummary(inProcess.latencies)} |`);

  await prisma.$disconnect();
  await database.stop();
  const loadAfter = os.loadavg();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}, embedded PostgreSQL 18, production build; load generator, server and database share the cores`;
  const section = [
    "<!-- bench:changes-gate:start -->",
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine}. Load average before ${loadBefore.map((n) => n.toFixed(2)).join(", ")}; after ${loadAfter.map((n) => n.toFixed(2)).join(", ")} (1, 5 and 15 minutes).`,
    "",
    "| what | data | throughput | latency |",
    "| --- | --- | --- | --- |",
    ...rows,
    "<!-- bench:changes-gate:end -->",
  ].join("\n");
  const file = "docs/PERFORMANCE.md";
  const doc = readFileSync(file, "utf8");
  writeFileSync(file, doc.includes("<!-- bench:changes-gate:start -->")
    ? doc.replace(/<!-- bench:changes-gate:start -->[\s\S]*?<!-- bench:changes-gate:end -->/, section)
    : `${doc.trimEnd()}\n\n## Deployment gate\n\n${section}\n`);
  console.log(section);
}

main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
