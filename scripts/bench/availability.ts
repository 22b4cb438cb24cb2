// `npx tsx scripts/bench/availability.ts`: availability work on a large organisation (BENCH_SERVICES
// services in 100 teams, BENCH_INCIDENTS incidents over a year, one in ten affecting two services, a
// few still open, a target change on one service in ten), generated in SQL. Measures in-process, after
// a warm-up: the 28-day availability of every service at once (one bulk read and the pure reports), a
// service page's availability work (28 and 90 days and 13 weekly points), the error-budget rule the
// gate adds (its one statement and the pure verdict), and the gate decision with the policy off and
// on. Rewrites the <!-- bench:availability --> section of docs/PERFORMANCE.md.
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { fmt, freshDatabase, latencySummary, percentile, timeIt } from "./harness";

const SERVICES = Number(process.env.BENCH_SERVICES ?? 2000);
const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 20_000);
const RUNS = Number(process.env.BENCH_AVAILABILITY_RUNS ?? 30);
const PAGE_RUNS = Number(process.env.BENCH_AVAILABILITY_PAGE_RUNS ?? 300);
const GATE_RUNS = Number(process.env.BENCH_AVAILABILITY_GATE_RUNS ?? 1000);

/** Node's own CPU time per call of the last `sample` (user + system, ms): the share of the wall time this process worked. */
let lastCpuPerCall = 0;

async function sample(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    latencies.push(performance.now() - start);
  }
  const used = process.cpuUsage(cpu);
  lastCpuPerCall = (used.user + used.system) / 1000 / runs;
  return latencies.sort((a, b) => a - b);
}
const cpuNote = () => `; Node CPU ${fmt(lastCpuPerCall)} a call`;

async function main() {
  const loadBefore = os.loadavg();
  const database = await freshDatabase();
  process.env.DATABASE_URL = database.url;
  const { db } = await import("../../lib/db");
  const { createEnvironments, createDomain } = await import("../../prisma/seed/factories");
  const { createPattern } = await import("../../prisma/seed/change-factories");
  const { availabilityOfServices, serviceAvailabilityView } = await import("../../lib/reliability/queries");
  const { readBudgetPolicy } = await import("../../lib/reliability/budget-sql");
  const { budgetVerdict } = await import("../../lib/reliability/budget-policy");
  const { gateDecision } = await import("../../lib/changes/gate");
  const { readGateContext } = await import("../../lib/changes/gate-sql");
  const prisma = db();
  const rows: string[] = [];

  await createEnvironments(prisma);
  const domain = await createDomain(prisma);
  const generate = await timeIt(async () => {
    await prisma.$executeRawUnsafe(`
      INSERT INTO "Team" (id, slug, name, "domainId", "updatedAt") SELECT 'bt' || t, 'bench-team-' || t, 'Bench team ' || t, '${domain.id}', now() FROM generate_series(1, 100) t`);
    await prisma.$executeRawUnsafe(`
      INSERT INTO "Service" (id, slug, name, "teamId", tier, "availabilityTarget", "updatedAt", "createdAt")
      SELECT 'bs' || s, 'bench-service-' || s, 'Bench service ' || s, 'bt' || (1 + s % 100), ('TIER_' || (1 + s % 4))::"ServiceTier",
             (CASE s % 4 WHEN 0 THEN 'P95_0' WHEN 1 THEN 'P99_0' WHEN 2 THEN 'P99_9' ELSE 'P99_99' END)::"AvailabilityTarget", now(), now() - interval '400 days'
        FROM generate_series(1, ${SERVICES}) s`);
    await prisma.$executeRawUnsafe(`
      INSERT INTO "ServiceTargetChange" (id, "serviceId", target, "effectiveFrom")
      SELECT 'btc' || s, 'bs' || s, (CASE s % 4 WHEN 0 THEN 'P95_0' WHEN 1 THEN 'P99_0' WHEN 2 THEN 'P99_9' ELSE 'P99_99' END)::"AvailabilityTarget", now() - interval '400 days'
        FROM generate_series(1, ${SERVICES}) s`);
    // One service in ten was raised to 99.9% six weeks ago.
    await prisma.$executeRawUnsafe(`
      INSERT INTO "ServiceTargetChange" (id, "serviceId", target, "effectiveFrom")
      SELECT 'btr' || s, 'bs' || s, 'P99_9', now() - interval '42 days' FROM generate_series(10, ${SERVICES}, 10) s`);
    // Incidents spread over the year, 5 minutes to 4 hours long; the last few are still open.
    await prisma.$executeRawUnsafe(`
      INSERT INTO "Incident" (id, title, impact, status, source, "serviceId", "teamId", "triggeredAt", "availabilityLostAt", "availabilityRegainedAt", "resolvedAt", "updatedAt")
      SELECT 'bi' || g, 'Bench incident ' || g, (CASE g % 3 WHEN 0 THEN 'HIGH' WHEN 1 THEN 'MEDIUM' ELSE 'LOW' END)::"IncidentImpact",
             (CASE WHEN g <= 20 THEN 'TRIGGERED' ELSE 'RESOLVED' END)::"IncidentStatus", 'API', 'bs' || (1 + (g * 7919) % ${SERVICES}), 'bt' || (1 + (1 + (g * 7919) % ${SERVICES}) % 100),
             now() - (g * interval '1 second' * ${Math.floor((365 * 86_400) / INCIDENTS)}), now() - (g * interval '1 second' * ${Math.floor((365 * 86_400) / INCIDENTS)}),
             CASE WHEN g <= 20 THEN NULL ELSE now() - (g * interval '1 second' * ${Math.floor((365 * 86_400) / INCIDENTS)}) + ((5 + (g * 31) % 235) * interval '1 minute') END,
             CASE WHEN g <= 20 THEN NULL ELSE now() - (g * interval '1 second' * ${Math.floor((365 * 86_400) / INCIDENTS)}) + ((5 + (g * 31) % 235) * interval '1 minute') END, now()
        FROM generate_series(1, ${INCIDENTS}) g`);
    await prisma.$executeRawUnsafe(`INSERT INTO "IncidentService" ("incidentId", "serviceId") SELECT id, "serviceId" FROM "Incident"`);
    await prisma.$executeRawUnsafe(`
      INSERT INTO "IncidentService" ("incidentId", "serviceId")
      SELECT 'bi' || g, 'bs' || (1 + ((g * 7919) + 1) % ${SERVICES}) FROM generate_series(10, ${INCIDENTS}, 10) g ON CONFLICT DO NOTHING`);
    await prisma.$executeRawUnsafe(`INSERT INTO "OrganisationSettings" (id, currency, "errorBudgetPolicy", "updatedAt") VALUES (1, 'GBP', false, now())`);
    await prisma.$executeRawUnsafe(`VACUUM (ANALYZE)`);
  });
  rows.push(`| generate the organisation (SQL) | ${SERVICES} services, ${INCIDENTS.toLocaleString("en")} incidents over a year (one in ten on two services), ${SERVICES / 10} target changes | ${fmt(generate.ms)} | — |`);

  const services = await prisma.service.findMany({ select: { id: true, slug: true, availabilityTarget: true } });
  const now = new Date();

  // Every service's 28-day availability: one bulk read (windows and target histories) and the reports.
  await sample(5, () => availabilityOfServices(prisma, services, 28, now, true));
  let flagged = 0;
  const all28 = await sample(RUNS, async () => {
    const reports = await availabilityOfServices(prisma, services, 28, now, true);
    flagged = [...reports.values()].filter((report) => !report.period.onTarget || report.burn !== null).length;
  });
  rows.push(`| availability of all ${SERVICES} services, 28 days (bulk read + reports; ${flagged} off target or burning) | ${RUNS} runs | p50 ${fmt(percentile(all28, 50))} | ${latencySummary(all28)}${cpuNote()} |`);
  const all90 = await sample(Math.ceil(RUNS / 2), () => availabilityOfServices(prisma, services, 90, now, true));
  rows.push(`| availability of all ${SERVICES} services, 90 days | ${Math.ceil(RUNS / 2)} runs | p50 ${fmt(percentile(all90, 50))} | ${latencySummary(all90)}${cpuNote()} |`);

  // One service's page: 28 and 90 days and 13 weekly points (the service read and the two statements).
  await sample(20, (i) => serviceAvailabilityView(prisma, services[i % services.length]!.slug, now));
  const page = await sample(PAGE_RUNS, (i) => serviceAvailabilityView(prisma, services[(i * 13) % services.length]!.slug, now));
  rows.push(`| one service page's availability work (28 and 90 days, 13 weeks) | ${PAGE_RUNS} services | p50 ${fmt(percentile(page, 50))} | ${latencySummary(page)}${cpuNote()} |`);

  // The machine is shared and its load drifts: policy off and on are measured in alternating blocks
  // (the setting flipped between them), and each mode's latencies pooled, so drift falls on both alike.
  const alternate = async (blocks: number, perBlock: number, fn: (i: number) => Promise<unknown>) => {
    const pooled: Record<string, number[]> = { false: [], true: [] };
    for (let block = 0; block < blocks + 2; block++) {
      const on = block % 2 === 1;
      await prisma.organisationSettings.update({ where: { id: 1 }, data: { errorBudgetPolicy: on } });
      const latencies = await sample(perBlock, (i) => fn(block * perBlock + i));
      if (block >= 2) pooled[String(on)]!.push(...latencies); // the first two blocks warm up
    }
    return { off: pooled.false!.sort((a, b) => a - b), on: pooled.true!.sort((a, b) => a - b) };
  };

  // The gate's context read, where the budget columns ride (lib/reliability/budget-sql.ts).
  const context = await alternate(20, GATE_RUNS / 10, (i) =>
    readGateContext(prisma, { service: services[(i * 7) % services.length]!.slug, environment: "production", version: "v1", plannedAt: now, now }));
  rows.push(`| the gate's context read (one statement), policy off | ${context.off.length} reads | p50 ${fmt(percentile(context.off, 50))} | ${latencySummary(context.off)} |`);
  rows.push(`| the same with the policy on (plus the service's 28-day incidents, targets, exception) | ${context.on.length} reads | p50 ${fmt(percentile(context.on, 50))} | ${latencySummary(context.on)} |`);
  const rule = await sample(GATE_RUNS, async (i) => budgetVerdict(await readBudgetPolicy(prisma, services[(i * 7) % services.length]!.id, now), "http://bench"));
  rows.push(`| the budget rule's reads as a statement of their own + the verdict, policy on | ${GATE_RUNS} services | p50 ${fmt(percentile(rule, 50))} | ${latencySummary(rule)} |`);

  // Whole gate decisions that reach the rule (a pattern allows every service) on services whose budget is
  // not spent, so that off and on do the same work but the rule's: each allows and records a standard change.
  const production = await prisma.environment.findUniqueOrThrow({ where: { slug: "production" }, select: { id: true } });
  await createPattern(prisma, { name: "Bench any", slug: "bench-any", environmentIds: [production.id], rules: [{ kind: "outside-freeze" }] });
  const cli = { kind: "CLI", label: "cli:bench" } as const;
  const reports = await availabilityOfServices(prisma, services, 28, now, true);
  const healthy = services.filter((service) => !reports.get(service.id)!.budgetSpent);
  const spent = services.filter((service) => reports.get(service.id)!.budgetSpent);
  const ask = (list: typeof services, tag: string) => async (i: number) =>
    gateDecision(prisma, cli, { service: list[(i * 7) % list.length]!.slug, environment: "production", version: `bench-${tag}-${i}` }, "http://bench", now);
  const decisions = await alternate(20, GATE_RUNS / 10, ask(healthy, "healthy"));
  rows.push(`| gate decision in-process, policy off (services within budget, a new version each) | ${decisions.off.length} decisions | p50 ${fmt(percentile(decisions.off, 50))} | ${latencySummary(decisions.off)} |`);
  rows.push(`| gate decision in-process, policy on (the same services) | ${decisions.on.length} decisions | p50 ${fmt(percentile(decisions.on, 50))} | ${latencySummary(decisions.on)} |`);
  rows.push(`| what the budget rule adds to a decision (p50 on − p50 off) | — | ${fmt(percentile(decisions.on, 50) - percentile(decisions.off, 50))} | context read: ${fmt(percentile(context.on, 50) - percentile(context.off, 50))} |`);
  await prisma.organisationSettings.update({ where: { id: 1 }, data: { errorBudgetPolicy: true } });
  let denied = 0;
  const deny = await sample(Math.min(GATE_RUNS, 300), async (i) => {
    const answer = await ask(spent, "spent")(i);
    if (answer.reasons.some((reason) => reason.rule === "error-budget" && !reason.passed)) denied += 1;
  });
  rows.push(`| gate decision in-process, policy on, services whose budget is spent (${spent.length} of ${services.length}) | ${deny.length} decisions, ${denied} denied by the budget | p50 ${fmt(percentile(deny, 50))} | ${latencySummary(deny)} |`);

  // Let the background audit seal of the last gate decisions finish before the database stops.
  const { requestSeal } = await import("../../lib/audit/seal-audit-events");
  await requestSeal(prisma).catch(() => undefined);
  await prisma.$disconnect();
  await database.stop();
  const loadAfter = os.loadavg();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}, embedded PostgreSQL 18, in-process (no HTTP)`;
  const section = [
    "<!-- bench:availability:start -->",
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine}. Load average before ${loadBefore.map((n) => n.toFixed(2)).join(", ")}; after ${loadAfter.map((n) => n.toFixed(2)).join(", ")} (1, 5 and 15 minutes).`,
    "",
    "| what | data | result | latency |",
    "| --- | --- | --- | --- |",
    ...rows,
    "<!-- bench:availability:end -->",
  ].join("\n");
  const file = "docs/PERFORMANCE.md";
  const doc = readFileSync(file, "utf8");
  writeFileSync(file, doc.includes("<!-- bench:availability:start -->")
    ? doc.replace(/<!-- bench:availability:start -->[\s\S]*?<!-- bench:availability:end -->/, section)
    : `${doc.trimEnd()}\n\n## Availability and the error-budget policy (issue 15)\n\n${section}\n`);
  console.log(section);
}

main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
