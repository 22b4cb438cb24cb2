// `npm run bench:backlog` (HTTP part needs `npm run build` first): a team backlog of 2,000 items on a
// fresh database. Measures (1) the page's reads in process (teamBacklog: every open item in priority
// order, the latest done, the balance and the reliability signal), (2) the page over HTTP from
// `next start` as a team member (full HTML, one view at a time, after a warm-up), and (3) a reorder
// persisted through its use case (lock, neighbours, one row, the audit event, commit). Budgets: page
// p95 100 ms, reorder p95 50 ms. Rewrites the <!-- bench:backlog --> section of docs/PERFORMANCE.md.
// BENCH_BACKLOG_ITEMS (2000), BENCH_BACKLOG_VIEWS (60), BENCH_BACKLOG_REORDERS (300), BENCH_SKIP_HTTP=1.
import os from "node:os";
import { generateNKeysBetween } from "fractional-indexing";
import { freshDatabase, httpClient, latencySummary, percentile, runConcurrently, sessionCookie, startNextServer, timeIt } from "./harness";
import { writePerformanceSection } from "./organisations";

const ITEMS = Number(process.env.BENCH_BACKLOG_ITEMS ?? 2000);
const VIEWS = Number(process.env.BENCH_BACKLOG_VIEWS ?? 60);
const REORDERS = Number(process.env.BENCH_BACKLOG_REORDERS ?? 300);
const PORT = Number(process.env.BENCH_PORT ?? 3342);
process.env.BENCH_DB_PORT ??= "55742";
const DAY = 86_400_000;
const SUBTYPES = ["RELIABILITY", "OPERABILITY", "SECURITY_PATCH", "LIBRARY_UPGRADE", "TECH_DEBT", "INCIDENT_ACTION", "TOIL"] as const;
const load = () => os.loadavg().map((value) => value.toFixed(1)).join(", ");

async function main() {
  const loadBefore = load();
  const database = await freshDatabase();
  process.env.DATABASE_URL = database.url;
  const { db } = await import("../../lib/db");
  const { createPerson, createService, createTeam } = await import("../../prisma/seed/factories");
  const { teamBacklog } = await import("../../lib/backlog/queries");
  const { reorderBacklogItem } = await import("../../lib/backlog/reorder-backlog-item");
  const prisma = db();
  const lines: string[] = [];
  try {
    const team = await createTeam(prisma, { slug: "bench-backlog", name: "Bench Backlog" });
    const members = await Promise.all(Array.from({ length: 8 }, () => createPerson(prisma, { teams: [{ teamId: team.id }] })));
    const services = await Promise.all(Array.from({ length: 5 }, () => createService(prisma, { teamId: team.id })));
    const now = new Date();
    const ranks = generateNKeysBetween(null, null, ITEMS);
    const done = Math.round(ITEMS / 10);
    await prisma.backlogItem.createMany({
      data: ranks.map((rank, i) => {
        const operational = i % 3 === 0;
        const isDone = i >= ITEMS - done;
        const doneAt = isDone ? new Date(now.getTime() - (i % 84) * DAY) : null;
        return {
          teamId: team.id, type: operational ? ("OPERATIONAL" as const) : ("PRODUCT" as const), subtype: operational ? SUBTYPES[i % SUBTYPES.length]! : null,
          title: `Bench item ${i}: ${operational ? "keep the lights on" : "a feature customers asked for"}`, description: "", rank,
          estimate: i % 11 === 0 ? null : (i % 13) + 1, status: isDone ? ("DONE" as const) : i % 17 === 0 ? ("DOING" as const) : ("TODO" as const),
          startedAt: isDone ? doneAt : null, doneAt, ownerId: members[i % members.length]!.id, serviceId: i % 4 === 0 ? services[i % services.length]!.id : null,
          labels: i % 5 === 0 ? ["bench"] : [],
        };
      }),
    });
    await prisma.$executeRawUnsafe(`ANALYZE "BacklogItem"`);
    const member = { kind: "PERSON" as const, id: members[0]!.id, name: members[0]!.name, email: members[0]!.email, role: "ENGINEER" as const, isIncidentManager: false, teamIds: [team.id] };

    // 1. The page's reads, in process.
    for (let i = 0; i < 10; i += 1) await teamBacklog(prisma, member, team.slug, now);
    const reads: number[] = [];
    for (let i = 0; i < 100; i += 1) reads.push((await timeIt(() => teamBacklog(prisma, member, team.slug, now))).ms);
    reads.sort((a, b) => a - b);

    // 3. Reorders through the use case: random item after a random other (or to the top / bottom).
    const ids = (await prisma.backlogItem.findMany({ where: { teamId: team.id, status: { not: "DONE" } }, select: { id: true } })).map((row) => row.id);
    const pick = (i: number) => ids[(i * 7919) % ids.length]!;
    const place = (i: number) => (i % 10 === 0 ? { to: "top" as const } : i % 10 === 1 ? { to: "bottom" as const } : { to: "after" as const, targetId: pick(i + 1) });
    for (let i = 0; i < 20; i += 1) await reorderBacklogItem(prisma, member, { itemId: pick(i), ...place(i) }).catch(() => undefined);
    const reorders: number[] = [];
    for (let i = 20; i < 20 + REORDERS; i += 1) {
      const input = { itemId: pick(i), ...place(i) };
      if (input.to === "after" && input.targetId === input.itemId) continue;
      reorders.push((await timeIt(() => reorderBacklogItem(prisma, member, input))).ms);
    }
    reorders.sort((a, b) => a - b);
    const concurrent = await runConcurrently(200, 4, (i) => reorderBacklogItem(prisma, member, { itemId: pick(i + 5000), to: "after", targetId: pick(i + 5001) }).catch(() => undefined));
    const keys = await prisma.backlogItem.findMany({ where: { teamId: team.id }, select: { rank: true } });
    const distinct = new Set(keys.map((k) => k.rank)).size === keys.length;
    const longest = Math.max(...keys.map((k) => k.rank.length));

    // 2. The page over HTTP.
    let http: number[] | null = null;
    let bytes = 0;
    if (!process.env.BENCH_SKIP_HTTP) {
      const server = await startNextServer({ url: database.url, port: PORT });
      const client = httpClient(`http://localhost:${PORT}`, 2);
      const cookie = await sessionCookie(member.id);
      const view = async () => {
        const answer = await client.request("GET", `/teams/${team.slug}/backlog`, { headers: { cookie } });
        if (answer.status !== 200) throw new Error(`the backlog page answered ${answer.status}`);
        bytes = answer.text.length;
      };
      try {
        await runConcurrently(15, 1, view);
        http = (await runConcurrently(VIEWS, 1, view)).latencies;
      } finally {
        client.close();
        server.stop();
        await server.stopped;
      }
    }

    const open = ids.length;
    lines.push(
      `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on a fresh database: one team, ${ITEMS.toLocaleString("en-GB")} items (${open.toLocaleString("en-GB")} open, ${done} done over 12 weeks; a third operational, 1 in 11 unestimated), 8 members, 5 services.`,
      `Load average (1, 5, 15 min) on the ${os.cpus().length} cores: ${loadBefore} at the start, ${load()} at the end (other agents share the machine: above about 2 every figure is inflated).`,
      "",
      "| what | p50 | p95 | budget | within |",
      "| --- | --- | --- | --- | --- |",
      `| backlog page reads in process (\`teamBacklog\`: ${open.toLocaleString("en-GB")} open items, 50 done, balance, signal), 100 runs | ${percentile(reads, 50).toFixed(1)} ms | ${percentile(reads, 95).toFixed(1)} ms | 100 ms | ${percentile(reads, 95) <= 100 ? "yes" : "**no**"} |`,
      http
        ? `| backlog page over HTTP (\`next start\`, full HTML ${(bytes / 1024).toFixed(0)} KB, ${VIEWS} views one at a time) | ${percentile(http, 50).toFixed(0)} ms | ${percentile(http, 95).toFixed(0)} ms | 100 ms | ${percentile(http, 95) <= 100 ? "yes" : "**no**"} |`
        : "| backlog page over HTTP | skipped (BENCH_SKIP_HTTP) | | | |",
      `| reorder persisted (\`reorderBacklogItem\`: lock, neighbours, one row, audit event, commit), ${reorders.length} one at a time | ${percentile(reorders, 50).toFixed(1)} ms | ${percentile(reorders, 95).toFixed(1)} ms | 50 ms | ${percentile(reorders, 95) <= 50 ? "yes" : "**no**"} |`,
      `| reorders 4 at a time into the same backlog (serialised by its lock), 200 | ${percentile(concurrent.latencies, 50).toFixed(1)} ms | ${percentile(concurrent.latencies, 95).toFixed(1)} ms | | ${distinct ? "ranks all distinct" : "**equal ranks**"} |`,
      "",
      `After ${reorders.length + 220} reorders the longest rank key is ${longest} characters (fractional keys grow slowly when items keep landing in the same gap).`,
    );
    console.log(latencySummary(reads), latencySummary(reorders));
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
  await writePerformanceSection("backlog", lines, "## Team backlog (issue 16)\n\n`npm run bench:backlog` (after `npm run build` for the HTTP row).");
}

main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
