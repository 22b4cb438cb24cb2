// `npx tsx scripts/bench/html-size.ts` (needs `npm run build` first): how many bytes of HTML the long
// list pages send (/changes, /changes/calendar in week and month view, /deployments), signed in as a
// change manager, through `next start`, on two organisations in fresh databases:
//   - the demo organisation (prisma/seed/demo.ts, ~113 changes);
//   - a large generated one (BENCH_SERVICES services in 100 teams, BENCH_DEPLOYMENTS deployments over a
//     year, BENCH_CHANGES changes, a freeze on one service in ten: the gate bench's generator plus changes).
// The HTML includes the React payload Next.js inlines for hydration, so it is what a browser downloads
// (before compression; the gzip size is shown too). Rewrites the <!-- bench:html-size --> section of
// docs/PERFORMANCE.md. BENCH_HTML_ORGS=demo or =large runs one of them.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { freshDatabase, sessionCookie, startNextServer } from "./harness";

const PORT = Number(process.env.BENCH_PORT ?? 3331);
process.env.BENCH_DB_PORT ??= "55731";
const SERVICES = Number(process.env.BENCH_SERVICES ?? 2000);
const DEPLOYMENTS = Number(process.env.BENCH_DEPLOYMENTS ?? 200_000);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 20_000);
const ORGS = (process.env.BENCH_HTML_ORGS ?? "demo,large").split(",");
const BUDGET_KB = 150;

const PAGES = ["/changes", "/changes/calendar", "/changes/calendar?view=month", "/deployments"];

type Prisma = Awaited<ReturnType<typeof openDb>>;
async function openDb(url: string) {
  process.env.DATABASE_URL = url;
  const { db } = await import("../../lib/db");
  return db();
}

async function seedDemo(prisma: Prisma) {
  const { seedDemoOrganisation } = await import("../../prisma/seed/demo");
  await seedDemoOrganisation(prisma);
  return (await prisma.person.findFirstOrThrow({ where: { email: "change@runwell.local" }, select: { id: true } })).id;
}

async function generateLarge(prisma: Prisma) {
  const { createEnvironments, createDomain, createPerson } = await import("../../prisma/seed/factories");
  await createEnvironments(prisma);
  const domain = await createDomain(prisma);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Team" (id, slug, name, "domainId", "updatedAt") SELECT 'bt' || t, 'bench-team-' || t, 'Bench team ' || t, '${domain.id}', now() FROM generate_series(1, 100) t`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Service" (id, slug, name, "teamId", tier, "updatedAt")
    SELECT 'bs' || s, 'bench-service-' || s, 'Bench service ' || s, 'bt' || (1 + s % 100), ('TIER_' || (1 + s % 4))::"ServiceTier", now() FROM generate_series(1, ${SERVICES}) s`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Deployment" (id, "serviceId", "environmentId", version, "externalId", status, "startedAt", "finishedAt", "firstCommitAt", "updatedAt")
    SELECT 'bd' || g, 'bs' || (1 + g % ${SERVICES}), e.id, 'v' || g, 'gen-' || g,
           (CASE WHEN g % 17 = 0 THEN 'FAILED' WHEN g % 41 = 0 THEN 'ROLLED_BACK' ELSE 'SUCCEEDED' END)::"DeploymentStatus",
           now() - (g * interval '157 seconds') - interval '10 minutes', now() - (g * interval '157 seconds'), now() - (g * interval '157 seconds') - interval '1 day', now()
      FROM generate_series(1, ${DEPLOYMENTS}) g
      JOIN "Environment" e ON e.slug = (CASE g % 3 WHEN 0 THEN 'production' WHEN 1 THEN 'staging' ELSE 'development' END)`);
  // Changes over the last year, a quarter of them planned in the coming weeks (the calendar's).
  await prisma.$executeRawUnsafe(`
    INSERT INTO "ChangeRequest" (id, type, state, "serviceId", "environmentId", version, summary, "requesterLabel", "plannedStart", "createdAt", "updatedAt")
    SELECT 'bc' || g, (CASE g % 3 WHEN 0 THEN 'STANDARD' WHEN 1 THEN 'NORMAL' ELSE 'EMERGENCY' END)::"ChangeType",
           (CASE g % 5 WHEN 0 THEN 'SUBMITTED' WHEN 1 THEN 'APPROVED' ELSE 'CLOSED' END)::"ChangeState",
           'bs' || (1 + g % ${SERVICES}), e.id, 'v' || g, 'Bench change ' || g || ': routine release of the service',
           'bench-requester-' || (g % 50) || '@example.test',
           (CASE WHEN g % 4 = 0 THEN now() + ((g % 40) * interval '1 day') ELSE now() - (g * interval '26 minutes') END),
           now() - (g * interval '26 minutes'), now()
      FROM generate_series(1, ${CHANGES}) g JOIN "Environment" e ON e.slug = 'production'`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "FreezeWindow" (id, name, scope, "serviceId", "startsAt", "endsAt", "updatedAt")
    SELECT 'bf' || s, 'Bench freeze ' || s, 'SERVICE', 'bs' || s, now() - interval '1 day', now() + interval '1 day', now() FROM generate_series(10, ${SERVICES}, 10) s`);
  await prisma.$executeRawUnsafe(`VACUUM (ANALYZE)`);
  return (await createPerson(prisma, { role: "CHANGE_MANAGER" })).id;
}

async function measure(label: string, url: string, personId: string): Promise<string[]> {
  const server = await startNextServer({ url, port: PORT });
  const cookie = await sessionCookie(personId);
  const rows: string[] = [];
  try {
    for (const path of PAGES) {
      const response = await fetch(`http://localhost:${PORT}${path}`, { headers: { cookie }, redirect: "manual" });
      const body = Buffer.from(await response.arrayBuffer());
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      const kb = body.length / 1024;
      rows.push(`| ${label} | \`${path}\` | ${kb.toFixed(0)} KB | ${(gzipSync(body).length / 1024).toFixed(0)} KB | ${kb <= BUDGET_KB ? "yes" : "**no**"} |`);
    }
  } finally {
    server.stop();
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the port is free again
  }
  return rows;
}

/** One organisation in this process (the database client is one per process): prints its rows. */
async function measureOne(org: string) {
  const database = await freshDatabase();
  const prisma = await openDb(database.url);
  const personId = org === "large" ? await generateLarge(prisma) : await seedDemo(prisma);
  const changes = await prisma.changeRequest.count();
  const label = org === "large" ? `large (${SERVICES.toLocaleString("en")} services, ${DEPLOYMENTS.toLocaleString("en")} deployments, ${changes.toLocaleString("en")} changes)` : `demo (${changes} changes)`;
  const rows = await measure(label, database.url, personId);
  await prisma.$disconnect();
  await database.stop();
  console.log(`ROWS ${JSON.stringify(rows)}`);
}

async function main() {
  const one = process.env.BENCH_HTML_ONE;
  if (one) return measureOne(one);
  const rows: string[] = [];
  for (const org of ORGS) {
    const child = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/bench/html-size.ts"], { env: { ...process.env, BENCH_HTML_ONE: org }, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    const line = child.stdout.split("\n").find((candidate) => candidate.startsWith("ROWS "));
    if (child.status !== 0 || !line) throw new Error(`measuring the ${org} organisation failed (exit ${child.status})`);
    rows.push(...(JSON.parse(line.slice(5)) as string[]));
  }
  const section = [
    "<!-- bench:html-size:start -->",
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC: production build, signed in as a change manager, HTML as sent (React payload included), before and after gzip. Budget ${BUDGET_KB} KB.`,
    "",
    "| organisation | page | HTML | gzip | within budget |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    "<!-- bench:html-size:end -->",
  ].join("\n");
  const file = "docs/PERFORMANCE.md";
  const doc = readFileSync(file, "utf8");
  writeFileSync(file, doc.includes("<!-- bench:html-size:start -->")
    ? doc.replace(/<!-- bench:html-size:start -->[\s\S]*?<!-- bench:html-size:end -->/, section)
    : `${doc.trimEnd()}\n\n## HTML size of the long list pages\n\n\`npx tsx scripts/bench/html-size.ts\`. The changes list pages by keyset (25 a page), the calendar lists five deployments a day and links the rest, badges are one class each.\n\n${section}\n`);
  console.log(section);
}

main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
