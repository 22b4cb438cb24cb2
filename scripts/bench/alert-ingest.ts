// `npx tsx scripts/bench/alert-ingest.ts` (needs `npm run build` first): alert ingest through one `next
// start`, against the deployment ingest in the same run and on the same server, so the ratio the issue
// asks for (alert ingest ≥ 0.5× deployment ingest) compares like with like on the shared cores.
// Measured per kind, each after its own warm-up, with BENCH_ALERT_CONCURRENCY clients:
//   - POST /api/v1/deployments: a new deployment with three commits (the deployments bench's request);
//   - Alertmanager, new group: a payload of 3 firing alerts for a groupKey never seen (opens an incident:
//     the incident, its service link, timeline, audit events, the paging event, 3 alerts);
//   - Alertmanager, repeat: a group's notification again (repeat_interval), nothing changed;
//   - Alertmanager, resolve: the group's resolved notification (resolves its incident);
//   - PagerDuty, trigger: a new dedup_key (opens an incident); PagerDuty, resolve of that key.
// Rewrites the <!-- bench:alert-ingest --> section of docs/PERFORMANCE.md.
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { alertmanagerPayload, PAGERDUTY_DOC_TRIGGER } from "../../test/fixtures/alert-payloads";
import { freshDatabase, httpClient, latencySummary, runConcurrently, startNextServer, warmUp, type HttpClient } from "./harness";

const CONCURRENCY = Number(process.env.BENCH_ALERT_CONCURRENCY ?? 32);
const REQUESTS = Number(process.env.BENCH_ALERT_REQUESTS ?? 3000);
const PORT = Number(process.env.BENCH_PORT ?? 3114);
const iso = (ms: number) => new Date(ms).toISOString();

type Client = { slug: string; secret: string };

function deployment(service: string, i: number) {
  const now = Date.now();
  return {
    service, environment: "production", version: `bench-${i}`, externalId: `bench-${i}`, status: "succeeded",
    startedAt: iso(now - 600_000), finishedAt: iso(now),
    commits: [0, 1, 2].map((c) => ({ sha: `${(i * 3 + c).toString(16).padStart(10, "0")}`, committedAt: iso(now - (c + 1) * 3_600_000), message: "bench" })),
    pipelineUrl: `https://ci.example/runs/${i}`, deployer: "bench",
  };
}

const group = (i: number) => `{}/{severity="critical"}:{alertname="ProbeFailure", bench="${i}"}`;
const firing = (i: number) => alertmanagerPayload(group(i), [0, 1, 2].map((a) => ({ fingerprint: `b${i}-${a}`, labels: { alertname: "ProbeFailure", instance: `node-${a}`, severity: "critical" }, startsAt: iso(Date.now() - 60_000) })));
const resolved = (i: number) => alertmanagerPayload(group(i), [0, 1, 2].map((a) => ({ fingerprint: `b${i}-${a}`, status: "resolved", labels: { alertname: "ProbeFailure", instance: `node-${a}`, severity: "critical" }, startsAt: iso(Date.now() - 60_000), endsAt: iso(Date.now()) })));

/** `count` warm-up rounds of 500 from `offset`, as warmUp runs them, without stopping early. */
async function warmRounds(fn: (i: number) => Promise<unknown>, count: number, offset: number) {
  const rates: number[] = [];
  for (let r = 0; r < count; r++) {
    const { wallMs } = await runConcurrently(500, CONCURRENCY, (i) => fn(offset + r * 500 + i));
    rates.push(500 / (wallMs / 1000));
  }
  return { rates };
}

/** On a failure the embedded database is stopped too, not left running without its parent. */
let stopDatabase: (() => Promise<void>) | null = null;

async function main() {
  const database = await freshDatabase();
  stopDatabase = database.stop;
  process.env.DATABASE_URL = database.url;
  process.env.DATABASE_POOL_SIZE = "10";
  const { db } = await import("../../lib/db");
  const { createEnvironments, createService, createTeam, createDomain } = await import("../../prisma/seed/factories");
  const { createApiToken } = await import("../../lib/tokens/create-api-token");
  const prisma = db();
  const cli = { kind: "CLI", label: "cli:bench" } as const;
  await createEnvironments(prisma);
  const domain = await createDomain(prisma);
  const team = await createTeam(prisma, { domainId: domain.id });
  // One at a time: concurrent token creations wait on each other's transactions past Prisma's 2 s.
  const clients: Client[] = [];
  for (let i = 0; i < CONCURRENCY; i++) {
    const service = await createService(prisma, { teamId: team.id });
    const token = await createApiToken(prisma, cli, { service: service.slug, name: "bench", scopes: ["deployments:write", "incidents:write"] });
    clients.push({ slug: service.slug, secret: token.secret });
  }
  const pick = (i: number) => clients[i % clients.length]!;
  const auth = (i: number) => ({ authorization: `Bearer ${pick(i).secret}` });
  const expectStatus = (expected: number) => (response: { status: number; text: string }) => {
    if (response.status !== expected) throw new Error(`answered ${response.status}, not ${expected}: ${response.text.slice(0, 300)}`);
  };

  const kinds: { name: string; unit: string; expected: number; call: (http: HttpClient, i: number) => Promise<{ status: number; text: string }> }[] = [
    { name: "POST /api/v1/deployments (new deployment, 3 commits)", unit: "deployments", expected: 201, call: (http, i) => http.request("POST", "/api/v1/deployments", { headers: auth(i), body: deployment(pick(i).slug, i) }) },
    { name: "Alertmanager, new group firing (3 alerts: opens an incident)", unit: "payloads", expected: 200, call: (http, i) => http.request("POST", "/api/v1/integrations/alertmanager", { headers: auth(i), body: firing(i) }) },
    { name: "Alertmanager, the same group repeated (nothing changed)", unit: "payloads", expected: 200, call: (http, i) => http.request("POST", "/api/v1/integrations/alertmanager", { headers: auth(i), body: firing(i) }) },
    { name: "Alertmanager, the group resolved (resolves its incident)", unit: "payloads", expected: 200, call: (http, i) => http.request("POST", "/api/v1/integrations/alertmanager", { headers: auth(i), body: resolved(i) }) },
    { name: "PagerDuty Events v2 trigger, new dedup_key (opens an incident)", unit: "events", expected: 202, call: (http, i) => http.request("POST", "/api/v1/integrations/pagerduty/enqueue", { body: { ...PAGERDUTY_DOC_TRIGGER, routing_key: pick(i).secret, dedup_key: `bench-${i}` } }) },
    { name: "PagerDuty Events v2 resolve of that key (resolves its incident)", unit: "events", expected: 202, call: (http, i) => http.request("POST", "/api/v1/integrations/pagerduty/enqueue", { body: { routing_key: pick(i).secret, dedup_key: `bench-${i}`, event_action: "resolve" } }) },
  ];

  const server = await startNextServer({ url: database.url, port: PORT, poolSize: CONCURRENCY });
  const http = httpClient(`http://localhost:${PORT}`);
  const familyRounds = new Map<number, number>();
  const measured: { name: string; unit: string; rate: number; latencies: number[]; warm: number[] }[] = [];
  try {
    for (const [k, kind] of kinds.entries()) {
      // Warm-up and measured requests use the same indices for the same kinds across the Alertmanager and
      // PagerDuty triples, so "repeat" and "resolve" act on the groups and keys the first kind opened.
      const family = k >= 4 ? 4_000_000 : k >= 1 ? 1_000_000 : 0;
      const check = expectStatus(kind.expected);
      // The kinds after a family's first warm up on exactly the rounds it did: the same groups and keys,
      // so a repeat repeats, a resolve resolves, and no warm-up incident is left open by a round count.
      const rounds = familyRounds.get(family);
      const warm = rounds === undefined
        ? await warmUp(async (i) => check(await kind.call(http, i)), { concurrency: CONCURRENCY, round: 500, maxRounds: 4, offset: family + 500_000 })
        : await warmRounds(async (i) => check(await kind.call(http, i)), rounds, family + 500_000);
      if (rounds === undefined) familyRounds.set(family, warm.rates.length);
      const run = await runConcurrently(REQUESTS, CONCURRENCY, async (i) => check(await kind.call(http, family + i)));
      const rate = REQUESTS / (run.wallMs / 1000);
      console.log(`${kind.name}: ${rate.toFixed(0)}/s`);
      measured.push({ name: kind.name, unit: kind.unit, rate, latencies: run.latencies, warm: warm.rates });
    }
  } finally {
    http.close();
    server.stop();
    await server.stopped;
  }
  const counted = {
    incidents: await prisma.incident.count(),
    alerts: await prisma.incidentAlert.count(),
    open: await prisma.incident.count({ where: { status: { notIn: ["RESOLVED", "CLOSED"] } } }),
  };
  await prisma.$disconnect();
  await database.stop();
  stopDatabase = null;

  const deploymentRate = measured[0]!.rate;
  const rows = measured.map((row, i) =>
    `| ${row.name} | ${REQUESTS} ${row.unit} | ${row.rate.toFixed(0)} ${row.unit}/s${i === 0 ? "" : ` (${(row.rate / deploymentRate).toFixed(2)}×)`} | ${latencySummary(row.latencies)} | ${row.warm.map((rate) => rate.toFixed(0)).join(", ")} |`,
  );
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}, embedded PostgreSQL 18, production build, one \`next start\` (pool ${CONCURRENCY}); load generator, server and database share the cores`;
  const section = [
    "<!-- bench:alert-ingest:start -->",
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine}; ${CONCURRENCY} clients, one token per service. The ratio is to the deployment ingest of the same run.`,
    "",
    "| what | requests | throughput (× deployments) | latency | warm-up rounds of 500 |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    "",
    `After the run: ${counted.incidents.toLocaleString("en")} incidents (${counted.open} open), ${counted.alerts.toLocaleString("en")} alerts — one incident per group and per dedup key${counted.open === 0 ? ", every one resolved" : ""}.`,
    "<!-- bench:alert-ingest:end -->",
  ].join("\n");
  const file = "docs/PERFORMANCE.md";
  const doc = readFileSync(file, "utf8");
  writeFileSync(file, doc.includes("<!-- bench:alert-ingest:start -->")
    ? doc.replace(/<!-- bench:alert-ingest:start -->[\s\S]*?<!-- bench:alert-ingest:end -->/, section)
    : `${doc.trimEnd()}\n\n## Alert ingest (bench:alert-ingest)\n\n${section}\n`);
  console.log(section);
}

main().then(() => process.exit(0), async (error) => {
  console.error(error);
  await stopDatabase?.().catch(() => {});
  process.exit(1);
});
