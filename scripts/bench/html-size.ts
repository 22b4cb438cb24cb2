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
import { generateLarge, openDb, seedDemo } from "./organisations";

const PORT = Number(process.env.BENCH_PORT ?? 3331);
process.env.BENCH_DB_PORT ??= "55731";
const SERVICES = Number(process.env.BENCH_SERVICES ?? 2000);
const DEPLOYMENTS = Number(process.env.BENCH_DEPLOYMENTS ?? 200_000);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 20_000);
const ORGS = (process.env.BENCH_HTML_ORGS ?? "demo,large").split(",");
const BUDGET_KB = 150;

const PAGES = ["/changes", "/changes/calendar", "/changes/calendar?view=month", "/deployments"];

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
    await server.stopped; // the port is free again for the next organisation's server
  }
  return rows;
}

/** One organisation in this process (the database client is one per process): prints its rows. */
async function measureOne(org: string) {
  const database = await freshDatabase();
  const prisma = await openDb(database.url);
  const personId = org === "large" ? (await generateLarge(prisma, { services: SERVICES, deployments: DEPLOYMENTS, changes: CHANGES })).CHANGE_MANAGER : (await seedDemo(prisma)).CHANGE_MANAGER;
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
