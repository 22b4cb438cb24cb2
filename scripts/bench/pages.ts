// `npx tsx scripts/bench/pages.ts` (needs `npm run build` first): server time of every main page, as
// each role's browser gets it (full HTML over HTTP from `next start` on localhost, one view at a time,
// after a warm-up), on two organisations in fresh databases: the demo (prisma/seed/demo.ts) and a
// large generated one (scripts/bench/organisations.ts). Reports p50 and p95 per page against the
// 100 ms budget and rewrites the <!-- bench:pages --> section of docs/PERFORMANCE.md.
// BENCH_PAGE_VIEWS (default 40) views per page; BENCH_PAGES_ORGS=demo or =large runs one of them.
import os from "node:os";
import { httpClient, percentile, runConcurrently, sessionCookie, startNextServer } from "./harness";
import { rowsPerOrganisation, writePerformanceSection, type PeopleByRole, type Prisma, type Role } from "./organisations";

const PORT = Number(process.env.BENCH_PORT ?? 3341);
process.env.BENCH_DB_PORT ??= "55741";
const VIEWS = Number(process.env.BENCH_PAGE_VIEWS ?? 40);
const SIZE = { services: Number(process.env.BENCH_SERVICES ?? 2000), deployments: Number(process.env.BENCH_DEPLOYMENTS ?? 200_000), changes: Number(process.env.BENCH_CHANGES ?? 20_000) };
const ORGS = (process.env.BENCH_PAGES_ORGS ?? "demo,large").split(",");
const BUDGET_MS = 100;

/** [path, role that views it]: each role's home, then the pages every role reaches from the navigation. */
async function pagesOf(prisma: Prisma): Promise<[string, Role][]> {
  const [service, change, deployment, team, schedule, runbook] = await Promise.all([
    prisma.service.findFirst({ where: { archivedAt: null }, orderBy: { slug: "asc" }, select: { slug: true } }),
    prisma.changeRequest.findFirst({ orderBy: { createdAt: "desc" }, select: { id: true } }),
    prisma.deployment.findFirst({ orderBy: { startedAt: "desc" }, select: { id: true } }),
    prisma.team.findFirst({ orderBy: { slug: "asc" }, select: { slug: true } }),
    prisma.onCallSchedule.findFirst({ where: { archivedAt: null }, orderBy: { slug: "asc" }, select: { slug: true } }),
    prisma.runbook.findFirst({ select: { slug: true, service: { select: { slug: true } } } }),
  ]);
  const incident = await prisma.incident.findFirst({ orderBy: { triggeredAt: "desc" }, select: { id: true } });
  const pages: [string, Role][] = [
    ["/", "ENGINEER"], ["/", "PRODUCT_MANAGER"], ["/", "CHANGE_MANAGER"], ["/", "ADMIN"],
    ["/services", "ENGINEER"], ["/teams", "ENGINEER"], ["/people", "ADMIN"], ["/runbooks", "ENGINEER"], ["/runbooks?q=checkout-api", "ENGINEER"],
    ["/oncall", "ENGINEER"], ["/oncall/me", "ENGINEER"], ["/oncall/report", "PRODUCT_MANAGER"],
    ["/deployments", "CHANGE_MANAGER"], ["/deployments/metrics", "PRODUCT_MANAGER"], ["/deployments/environments", "ENGINEER"],
    ["/changes", "CHANGE_MANAGER"], ["/changes/calendar", "CHANGE_MANAGER"], ["/changes/cab", "CHANGE_MANAGER"], ["/changes/flags", "CHANGE_MANAGER"], ["/changes/patterns", "CHANGE_MANAGER"],
    ["/audit", "CHANGE_MANAGER"], ["/notifications", "CHANGE_MANAGER"], ["/jobs", "ADMIN"], ["/webhooks", "ADMIN"], ["/signals", "CHANGE_MANAGER"],
  ];
  if (service) pages.push([`/services/${service.slug}`, "ENGINEER"]);
  if (team) pages.push([`/teams/${team.slug}`, "ENGINEER"], [`/teams/${team.slug}/backlog`, "PRODUCT_MANAGER"]);
  const review = await prisma.postIncidentReview.findFirst({ where: { status: "PUBLISHED" }, orderBy: { publishedAt: "desc" }, select: { id: true } });
  pages.push(["/reviews", "ENGINEER"], ["/reviews?q=connection+pool", "ENGINEER"]);
  if (review) pages.push([`/reviews/${review.id}`, "ENGINEER"]);
  if (change) pages.push([`/changes/${change.id}`, "CHANGE_MANAGER"], [`/changes/${change.id}/evidence`, "CHANGE_MANAGER"]);
  if (deployment) pages.push([`/deployments/${deployment.id}`, "CHANGE_MANAGER"]);
  if (schedule) pages.push([`/oncall/${schedule.slug}`, "ENGINEER"], [`/oncall/${schedule.slug}?view=month`, "ENGINEER"]);
  pages.push(["/incidents", "ENGINEER"], ["/incidents?status=past", "CHANGE_MANAGER"]);
  if (incident) pages.push([`/incidents/${incident.id}`, "ENGINEER"]);
  if (runbook) pages.push([`/runbooks/${runbook.service.slug}/${runbook.slug}`, "ENGINEER"]);
  return pages;
}

const ROLE_WORD: Record<Role, string> = { ENGINEER: "engineer", PRODUCT_MANAGER: "product manager", CHANGE_MANAGER: "change manager", ADMIN: "admin" };

async function measure(label: string, url: string, people: PeopleByRole, pages: [string, Role][]): Promise<string[]> {
  const server = await startNextServer({ url, port: PORT });
  const client = httpClient(`http://localhost:${PORT}`, 4);
  const cookies = Object.fromEntries(await Promise.all((Object.keys(people) as Role[]).map(async (role) => [role, await sessionCookie(people[role])]))) as Record<Role, string>;
  const rows: string[] = [];
  const viewOf = (path: string, role: Role) => async () => {
    const answer = await client.request("GET", path, { headers: { cookie: cookies[role] } });
    if (answer.status !== 200) throw new Error(`${path} as ${role} answered ${answer.status}`);
  };
  try {
    // Every page once round before any is timed: the code all pages share (session, shell, Prisma's
    // query plans, V8's optimised paths) is warm for the first page measured as for the last, as on a
    // server that has been up a while. Without it the first page measured (the engineer's home) paid
    // for the warm-up of them all (docs/PERFORMANCE.md).
    for (const [path, role] of pages) await runConcurrently(3, 1, viewOf(path, role));
    for (const [path, role] of pages) {
      const view = viewOf(path, role);
      await runConcurrently(5, 1, view); // this page's own reads and caches warm
      const { latencies } = await runConcurrently(VIEWS, 1, view);
      const p95 = percentile(latencies, 95);
      rows.push(`| ${label} | \`${path}\` | ${ROLE_WORD[role]} | ${percentile(latencies, 50).toFixed(0)} ms | ${p95.toFixed(0)} ms | ${p95 <= BUDGET_MS ? "yes" : "**no**"} |`);
    }
  } finally {
    server.stop();
    await server.stopped; // the port is free again for the next organisation's server
  }
  return rows;
}

const load = () => os.loadavg().map((value) => value.toFixed(1)).join(", ");

async function main() {
  const loadBefore = load();
  const rows = await rowsPerOrganisation({
    script: "scripts/bench/pages.ts", orgs: ORGS, size: SIZE,
    measure: async ({ label, url, prisma, people }) => measure(label, url, people, await pagesOf(prisma)),
  });
  if (!rows) return; // this process measured one organisation for its parent
  await writePerformanceSection("pages", [
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC: production build, one \`next start\`, full HTML over HTTP on localhost, ${VIEWS} views per page one at a time, after 3 warm-up views of every page and 5 of the page itself. Budget p95 ${BUDGET_MS} ms.`,
    `Load average (1, 5, 15 min) on the ${os.cpus().length} cores: ${loadBefore} at the start, ${load()} at the end; above about 2 the machine is shared and every figure is inflated by it.`,
    "",
    "| organisation | page | as | p50 | p95 | within budget |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
  ], "## Server time of the main pages\n\n`npx tsx scripts/bench/pages.ts` (after `npm run build`).");
}

main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
