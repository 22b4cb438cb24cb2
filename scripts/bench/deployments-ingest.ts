// `npx tsx scripts/bench/deployments-ingest.ts` (needs `npm run build` first): deployment ingest through
// `next start` at BENCH_INGEST_CONCURRENCY clients, against a raw `pg` client doing the same writes in the
// same run; then DORA and deployment-page reads over BENCH_DEPLOYMENTS generated deployments. Rewrites
// the <!-- bench:deployments --> section of docs/PERFORMANCE.md.
import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import pg from "pg";
import { fmt, freshDatabase, httpClient, latencySummary, measureServer, percentile, runConcurrently, sessionCookie, timeIt, startNextServer, type HttpClient } from "./harness";

const CONCURRENCY = Number(process.env.BENCH_INGEST_CONCURRENCY ?? 32);
const INGESTS = Number(process.env.BENCH_INGESTS ?? 6000);
const SERVICES = Number(process.env.BENCH_SERVICES ?? 2000);
const DEPLOYMENTS = Number(process.env.BENCH_DEPLOYMENTS ?? 1_000_000);
const PORT = Number(process.env.BENCH_PORT ?? 3103);
const WORKERS = Number(process.env.BENCH_WEB_WORKERS ?? 2);
const READS = 40;
// Page views over HTTP per page: enough that p95 is not just the second-slowest view.
const PAGE_VIEWS = Number(process.env.BENCH_PAGE_VIEWS ?? 200);
// The server's pool (DATABASE_POOL_SIZE): one connection per client by default, BENCH_POOL_SIZE to compare.
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? CONCURRENCY);

const iso = (ms: number) => new Date(ms).toISOString();

function body(service: string, i: number) {
  const now = Date.now();
  return {
    service, environment: "production", version: `bench-${i}`, externalId: `bench-${i}`, status: "succeeded",
    startedAt: iso(now - 600_000), finishedAt: iso(now),
    commits: [0, 1, 2].map((c) => ({ sha: `${(i * 3 + c).toString(16).padStart(10, "0")}`, committedAt: iso(now - (c + 1) * 3_600_000), message: "bench" })),
    pipelineUrl: `https://ci.example/runs/${i}`, deployer: "bench",
  };
}


async function main() {
  const database = await freshDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.DATABASE_POOL_SIZE = "10";
  const { db } = await import("../../lib/db");
  const { createEnvironments, createPerson, createService, createTeam, createDomain } = await import("../../prisma/seed/factories");
  const { createApiToken } = await import("../../lib/tokens/create-api-token");
  const prisma = db();
  const cli = { kind: "CLI", label: "cli:bench" } as const;
  const rows: string[] = [];

  // 1. Ingest: 32 services, one token each; every request is a new deployment with three commits.
  await createEnvironments(prisma);
  const domain = await createDomain(prisma);
  const team = await createTeam(prisma, { domainId: domain.id });
  const clients = await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      const service = await createService(prisma, { teamId: team.id });
      const token = await createApiToken(prisma, cli, { service: service.slug, name: "bench", scopes: ["deployments:write"] });
      return { slug: service.slug, id: service.id, secret: token.secret };
    }),
  );
  // One `next start`, then `npm start`'s RUNWELL_WEB_WORKERS launcher with WORKERS processes.
  const post = async (http: HttpClient, i: number) => {
    const client = clients[i % clients.length]!;
    const response = await http.request("POST", "/api/v1/deployments", { headers: { authorization: `Bearer ${client.secret}` }, body: body(client.slug, i) });
    return String(response.status);
  };
  const servers: { workers: number; rate: number; rows: string[] }[] = [];
  for (const workers of [1, WORKERS]) {
    const run = await measureServer({ url: database.url, port: PORT, poolSize: POOL_SIZE, workers, concurrency: CONCURRENCY, requests: INGESTS, call: post });
    const failures = INGESTS - (run.outcomes["201"] ?? 0);
    console.log(`ingest (${workers} worker(s)): ${run.rate.toFixed(0)}/s, ${failures} failures`);
    servers.push({ workers, rate: run.rate, rows: [
      `| POST /api/v1/deployments via ${run.label} (${CONCURRENCY} clients, token auth, 3 commits, audit event), steady state | ${INGESTS} deployments${failures ? `, ${failures} not 201` : ""} | ${run.rate.toFixed(0)} deployments/s | ${latencySummary(run.latencies)} |`,
      `| the same server just started: its first ${run.warm.requests.toLocaleString("en")} deployments, 1,000 at a time | — | ${run.warm.rates.map((r) => r.toFixed(0)).join(", ")} deployments/s | — |`,
      `| ceiling: \`GET /api/health\` (an empty route) through the same server and clients | ${INGESTS} requests | ${run.emptyRate.toFixed(0)} requests/s | ${latencySummary(run.emptyLatencies)} |`,
    ] });
  }

  // The same writes with a raw pg pool: one transaction of deployment + commits + audit event.
  const environmentId = (await prisma.environment.findUniqueOrThrow({ where: { slug: "production" }, select: { id: true } })).id;
  const pool = new pg.Pool({ connectionString: database.url, max: CONCURRENCY });
  const rawWrite = async (i: number) => {
    const client = clients[i % clients.length]!;
    const b = body(client.slug, i);
    const id = randomUUID();
    const connection = await pool.connect();
    try {
      await connection.query("BEGIN");
      await connection.query(
        `INSERT INTO "Deployment" (id, "serviceId", "environmentId", version, "externalId", status, "startedAt", "finishedAt", "pipelineUrl", deployer, "firstCommitAt", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, 'SUCCEEDED', $6, $7, $8, $9, $10, now())`,
        [id, client.id, environmentId, b.version, `raw-${i}`, b.startedAt, b.finishedAt, b.pipelineUrl, b.deployer, b.commits[2]!.committedAt],
      );
      await connection.query(
        `INSERT INTO "DeploymentCommit" ("deploymentId", sha, "committedAt", message) SELECT $1, * FROM unnest($2::text[], $3::timestamptz[], $4::text[])`,
        [id, b.commits.map((c) => c.sha), b.commits.map((c) => c.committedAt), b.commits.map((c) => c.message)],
      );
      await connection.query(
        `INSERT INTO "AuditEvent" (id, "actorLabel", "actorKind", action, "entityType", "entityId", after) VALUES ($1, 'bench', 'TOKEN', 'deployment.report', 'Deployment', $2, $3)`,
        [randomUUID(), id, JSON.stringify(b)],
      );
      await connection.query("COMMIT");
    } finally {
      connection.release();
    }
  };
  await runConcurrently(1000, CONCURRENCY, (i) => rawWrite(90_000_000 + i)); // connections, plans
  const raw = await runConcurrently(INGESTS, CONCURRENCY, rawWrite);
  await pool.end();
  const rawRate = INGESTS / (raw.wallMs / 1000);
  rows.push(
    ...servers.flatMap((server) => server.rows),
    `| raw \`pg\` pool, same writes in one transaction (${CONCURRENCY} clients) | ${INGESTS} deployments | ${rawRate.toFixed(0)} deployments/s | ${latencySummary(raw.latencies)} |`,
    ...servers.map((server) => `| ratio API / raw pg, ${server.workers === 1 ? "`next start`" : `${server.workers} workers`} | | ${(server.rate / rawRate).toFixed(2)}× | |`),
  );

  // 2. Reads over a large history, generated in SQL: DEPLOYMENTS across SERVICES services over a year.
  const { metricsReport } = await import("../../lib/deployments/metrics");
  const { metricsForPage } = await import("../../lib/deployments/metrics-snapshot");
  const { getDeployment } = await import("../../lib/deployments/queries");
  const { listEntityHistory } = await import("../../lib/audit/queries");
  const generate = await timeIt(async () => {
    await prisma.$executeRawUnsafe(`
      INSERT INTO "Team" (id, slug, name, "domainId", "updatedAt") SELECT 'bt' || t, 'bench-team-' || t, 'Bench team ' || t, '${domain.id}', now() FROM generate_series(1, 100) t`);
    await prisma.$executeRawUnsafe(`
      INSERT INTO "Service" (id, slug, name, "teamId", "updatedAt") SELECT 'bs' || s, 'bench-service-' || s, 'Bench service ' || s, 'bt' || (1 + s % 100), now() FROM generate_series(1, ${SERVICES}) s`);
    await prisma.$executeRawUnsafe(`
      INSERT INTO "Deployment" (id, "serviceId", "environmentId", version, "externalId", status, "startedAt", "finishedAt", "firstCommitAt", "updatedAt")
      SELECT 'bd' || g, 'bs' || (1 + g % ${SERVICES}), e.id, 'v' || g, 'gen-' || g,
             (CASE WHEN g % 17 = 0 THEN 'FAILED' WHEN g % 41 = 0 THEN 'ROLLED_BACK' ELSE 'SUCCEEDED' END)::"DeploymentStatus",
             now() - (g * interval '31.5 seconds') - interval '10 minutes', now() - (g * interval '31.5 seconds'),
             now() - (g * interval '31.5 seconds') - ((g % 200) * interval '1 hour'), now()
        FROM generate_series(1, ${DEPLOYMENTS}) g
        JOIN "Environment" e ON e.slug = (CASE g % 3 WHEN 0 THEN 'production' WHEN 1 THEN 'staging' ELSE 'development' END)`);
    // What autovacuum would have done to a year of history: statistics, and the visibility map that lets
    // the DORA and track-record reads stay index-only (and keeps a vacuum of the fresh rows out of the timings).
    await prisma.$executeRawUnsafe(`VACUUM (ANALYZE)`);
  });
  rows.push(`| generate the history (SQL) | ${DEPLOYMENTS.toLocaleString("en")} deployments, ${SERVICES} services, one year | — | ${fmt(generate.ms)} |`);
  // The page serves the organisation from a snapshot at most a minute old (metrics-snapshot.ts): the
  // served time is what a reader waits; computing the snapshot is measured on its own.
  const org = await runConcurrently(READS, 1, () => metricsForPage(prisma, { kind: "organisation" }, 90));
  const orgCompute = await runConcurrently(10, 1, () => metricsReport(prisma, { kind: "organisation" }, 90));
  const yearCompute = await runConcurrently(3, 1, () => metricsReport(prisma, { kind: "organisation" }, 365));
  const sample = await prisma.deployment.findFirstOrThrow({ where: { id: `bd${Math.floor(DEPLOYMENTS / 2)}` }, select: { id: true } });
  const pageData = await runConcurrently(READS, 1, () => Promise.all([getDeployment(prisma, sample.id), listEntityHistory(prisma, "Deployment", sample.id)]));
  const service = await runConcurrently(READS, 1, () => metricsReport(prisma, { kind: "service", slug: "bench-service-7" }, 90));
  const p = (l: number[]) => `p50 ${fmt(percentile(l, 50))}, p95 ${fmt(percentile(l, 95))}`;
  // The pages as a product manager's browser gets them: HTML rendered by `next start`, one at a time.
  const manager = await createPerson(prisma, { role: "PRODUCT_MANAGER" });
  const cookie = await sessionCookie(manager.id);
  const server = await startNextServer({ url: database.url, port: PORT, poolSize: 10 });
  const browser = httpClient(`http://localhost:${PORT}`);
  const page = async (path: string) => {
    const response = await browser.request("GET", path, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  };
  // The first view after a start pays for compiling the route, and the organisation's for computing
  // its snapshot unless the start-up warm-up (3 s after start) finished first: reported on its own.
  const views = async (path: string) => {
    const first = await timeIt(() => page(path));
    await runConcurrently(3, 1, () => page(path)); // JIT warm-up
    return { first: first.ms, ...(await runConcurrently(PAGE_VIEWS, 1, () => page(path))) };
  };
  const orgPage = await views("/deployments/metrics?days=90");
  const servicePage = await views("/deployments/metrics?service=bench-service-7&days=90");
  const deploymentPage = await views(`/deployments/${sample.id}`);
  browser.close();
  server.stop();
  rows.push(
    `| organisation DORA page, HTML over HTTP, as served from its snapshot (${PAGE_VIEWS} views) | ${DEPLOYMENTS.toLocaleString("en")} deployments | — | ${p(orgPage.latencies)}, max ${fmt(orgPage.latencies.at(-1)!)}; first view after start ${fmt(orgPage.first)} |`,
    `| a service's DORA page, HTML over HTTP (${PAGE_VIEWS} views) | ${DEPLOYMENTS.toLocaleString("en")} deployments | — | ${p(servicePage.latencies)}, max ${fmt(servicePage.latencies.at(-1)!)}; first view ${fmt(servicePage.first)} |`,
    `| a deployment's page, HTML over HTTP (${PAGE_VIEWS} views) | ${DEPLOYMENTS.toLocaleString("en")} deployments | — | ${p(deploymentPage.latencies)}, max ${fmt(deploymentPage.latencies.at(-1)!)}; first view ${fmt(deploymentPage.first)} |`,
  );
  rows.push(
    `| organisation DORA page data (90 days), as served from its snapshot (${READS} views, the first computes it) | ${DEPLOYMENTS.toLocaleString("en")} deployments | — | ${p(org.latencies)}, max ${fmt(org.latencies.at(-1)!)} |`,
    `| computing the organisation's 90-day snapshot (exact, every production deployment of the period) | ${DEPLOYMENTS.toLocaleString("en")} deployments | — | ${p(orgCompute.latencies)} |`,
    `| computing the organisation's 365-day snapshot | ${DEPLOYMENTS.toLocaleString("en")} deployments | — | p50 ${fmt(percentile(yearCompute.latencies, 50))} |`,
    `| one service's DORA page data (90 days) | ${DEPLOYMENTS.toLocaleString("en")} deployments | — | ${p(service.latencies)} |`,
    `| deployment page data (deployment, commits, checks, audit events) | ${DEPLOYMENTS.toLocaleString("en")} deployments | — | ${p(pageData.latencies)} |`,
  );

  await prisma.$disconnect();
  await database.stop();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}, embedded PostgreSQL 18, production build; load generator, server and database share the cores`;
  const section = [
    "<!-- bench:deployments:start -->",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.`,
    "",
    "| what | data | throughput | latency |",
    "| --- | --- | --- | --- |",
    ...rows,
    "<!-- bench:deployments:end -->",
  ].join("\n");
  const file = "docs/PERFORMANCE.md";
  const doc = readFileSync(file, "utf8");
  writeFileSync(file, doc.includes("<!-- bench:deployments:start -->")
    ? doc.replace(/<!-- bench:deployments:start -->[\s\S]*?<!-- bench:deployments:end -->/, section)
    : `${doc.trimEnd()}\n\n## Deployments\n\n${section}\n`);
  console.log(section);
}

main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
