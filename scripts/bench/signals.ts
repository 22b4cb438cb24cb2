// `npx tsx scripts/bench/signals.ts`: the anti-pattern signals page's reads (lib/signals/queries.ts) on
// the large organisation (scripts/bench/organisations.ts: 2,000 services in 100 teams, 200,000
// deployments, 20,000 incidents) plus what the signals read and the generator does not make: a team
// rota of four per team (100 schedules, a year old), 5,000 out-of-hours pages and 5,000 incident-action
// backlog items over the last 8 weeks, 2,000 review actions (a tenth repeats) and 50 ownership moves.
// Measured in-process after a warm-up; rewrites the <!-- bench:signals --> section of docs/PERFORMANCE.md.
import os from "node:os";
import { performance } from "node:perf_hooks";
import { freshDatabase, percentile } from "./harness";
import { generateLarge, largeLabel, openDb, writePerformanceSection } from "./organisations";

process.env.BENCH_DB_PORT ??= "55742";
const RUNS = Number(process.env.BENCH_SIGNALS_RUNS ?? 30);
// BENCH_DEPLOYMENTS etc. shrink the organisation for a quick look.
const SIZE = { services: Number(process.env.BENCH_SERVICES ?? 2000), deployments: Number(process.env.BENCH_DEPLOYMENTS ?? 200_000), changes: Number(process.env.BENCH_CHANGES ?? 20_000) };

async function main() {
  const database = await freshDatabase();
  const prisma = await openDb(database.url);
  await generateLarge(prisma, SIZE);
  const { createOnCallSchedule } = await import("../../prisma/seed/oncall-factories");
  await prisma.$executeRawUnsafe(`INSERT INTO "Person" (id, email, name, role, "updatedAt") SELECT 'bp' || g, 'bench-person-' || g || '@example.test', 'Bench person ' || g, 'ENGINEER', now() FROM generate_series(1, 400) g`);
  await prisma.$executeRawUnsafe(`INSERT INTO "TeamMembership" ("teamId", "personId", "updatedAt") SELECT 'bt' || (1 + (g - 1) / 4), 'bp' || g, now() FROM generate_series(1, 400) g`);
  const yearAgo = new Date(Date.now() - 365 * 86_400_000);
  for (let team = 1; team <= 100; team += 1) {
    await createOnCallSchedule(prisma, { teamId: `bt${team}`, slug: `bench-rota-${team}`, name: `Bench rota ${team}`, effectiveFrom: yearAgo, participantIds: [1, 2, 3, 4].map((i) => `bp${(team - 1) * 4 + i}`) });
  }
  await prisma.$executeRawUnsafe(`
    INSERT INTO "IncidentPage" (id, "incidentId", "personId", level, reason, "outOfHours", "pagedAt")
    SELECT 'bip' || g, 'bi' || (21 + g), 'bp' || (1 + g % 400), 0, 'primary on call (out of hours)', true, now() - (g * interval '16 minutes') FROM generate_series(1, 5000) g`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "BacklogItem" (id, "teamId", type, subtype, title, rank, "createdAt", "updatedAt")
    SELECT 'bbi' || g, 'bt' || (1 + g % 100), 'OPERATIONAL', 'INCIDENT_ACTION', 'Bench action ' || g, 'a' || lpad(g::text, 6, '0'), now() - (g * interval '16 minutes'), now() FROM generate_series(1, 5000) g`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "PostIncidentReview" (id, "incidentId", "serviceId", "teamId", title, "dueAt", "scheduledAt", "updatedAt")
    SELECT 'bpr' || g, 'bi' || (100 + g), 'bs' || (1 + (100 + g) % ${SIZE.services}), 'bt' || (1 + (1 + (100 + g) % ${SIZE.services}) % 100), 'Bench review ' || g, now(), now() - (g * interval '4 hours'), now() FROM generate_series(1, 1000) g`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "ReviewAction" (id, "reviewId", title, "createdAt", "updatedAt", "repeatOfId")
    SELECT 'bra' || g, 'bpr' || (1 + g % 1000), 'Bench review action ' || g, now() - (g * interval '4 hours'), now(), CASE WHEN g % 10 = 0 AND g > 10 THEN 'bra' || (g - 10) END FROM generate_series(1, 2000) g`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "ServiceOwnerChange" (id, "serviceId", "fromTeamId", "toTeamId", "changedAt")
    SELECT 'boc' || g, 'bs' || (g * 37), 'bt' || (1 + (g * 37) % 100), 'bt' || (1 + (g * 37 + 1) % 100), now() - ((20 + g * 5) * interval '1 day') FROM generate_series(1, 50) g`);
  await prisma.$executeRawUnsafe(`VACUUM (ANALYZE)`);

  const signals = await import("../../lib/signals/queries");
  const { signalsOverview } = signals;
  for (let i = 0; i < 3; i += 1) await signalsOverview(prisma);
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  let shown = "";
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    const overview = await signalsOverview(prisma);
    latencies.push(performance.now() - start);
    shown = `rotas flagged ${overview.rotas.length}, teams with unplanned work rising ${overview.unplanned.length}, stuck ${overview.stuck.stuck}, repeats ${overview.stuck.repeated}, moves judged worse ${overview.accountability.length}`;
  }
  const used = process.cpuUsage(cpu);
  // Each signal's read alone, to see where the time goes.
  const parts: [string, () => Promise<unknown>][] = [
    ["inflated targets", () => signals.inflatedTargets(prisma)], ["thin rotas", () => signals.thinRotas(prisma, new Date())],
    ["unplanned work", () => signals.unplannedWork(prisma, new Date())], ["stuck actions", () => signals.stuckActions(prisma, new Date())],
    ["lost accountability", () => signals.lostAccountability(prisma, new Date())],
  ];
  const partRows: string[] = [];
  for (const [label, read] of parts) {
    const times: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const start = performance.now();
      await read();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    partRows.push(`| ${label} alone | 10 | ${percentile(times, 50).toFixed(0)} ms | ${percentile(times, 95).toFixed(0)} ms | |`);
  }
  latencies.sort((a, b) => a - b);
  const cpuPerCall = (used.user + used.system) / 1000 / RUNS;
  const lines = [
    `${new Date().toISOString().slice(0, 16)} UTC, ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")}; ${largeLabel(SIZE)} with 100 team rotas of four, 5,000 out-of-hours pages, 5,000 incident actions, 2,000 review actions, 50 ownership moves.`,
    "",
    "| Read | Runs | p50 | p95 | Node CPU per call |",
    "| --- | --- | --- | --- | --- |",
    `| signalsOverview (every signal with its evidence) | ${RUNS} | ${percentile(latencies, 50).toFixed(0)} ms | ${percentile(latencies, 95).toFixed(0)} ms | ${cpuPerCall.toFixed(0)} ms |`,
    ...partRows,
    "",
    `What it found: ${shown}.`,
  ];
  await writePerformanceSection("signals", lines, "## Signals (lib/signals)");
  await prisma.$disconnect();
  await database.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
