// `npx tsx scripts/bench/html-size.ts` (needs `npm run build` first): how many bytes of HTML the long
// list pages send (/changes, /changes/calendar in week and month view, /deployments), signed in as a
// change manager, through `next start`, on two organisations in fresh databases:
//   - the demo organisation (prisma/seed/demo.ts, ~113 changes);
//   - a large generated one (BENCH_SERVICES services in 100 teams, BENCH_DEPLOYMENTS deployments over a
//     year, BENCH_CHANGES changes, a freeze on one service in ten: the gate bench's generator plus changes).
// Also /services (the catalogue, 50 a page) and /audit (50 events, raw JSON loaded on demand).
// The HTML includes the React payload Next.js inlines for hydration, so it is what a browser downloads
// (before compression; the gzip size is shown too). Rewrites the <!-- bench:html-size --> section of
// docs/PERFORMANCE.md. BENCH_HTML_ORGS=demo or =large runs one of them.
import { gzipSync } from "node:zlib";
import { sessionCookie, startNextServer } from "./harness";
import { largeLabel, rowsPerOrganisation, writePerformanceSection } from "./organisations";

const PORT = Number(process.env.BENCH_PORT ?? 3331);
process.env.BENCH_DB_PORT ??= "55731";
const SIZE = { services: Number(process.env.BENCH_SERVICES ?? 2000), deployments: Number(process.env.BENCH_DEPLOYMENTS ?? 200_000), changes: Number(process.env.BENCH_CHANGES ?? 20_000) };
const ORGS = (process.env.BENCH_HTML_ORGS ?? "demo,large").split(",");
const BUDGET_KB = 150;

const PAGES = ["/changes", "/changes/calendar", "/changes/calendar?view=month", "/deployments", "/services", "/audit"];

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

async function main() {
  const rows = await rowsPerOrganisation({
    script: "scripts/bench/html-size.ts", orgs: ORGS, size: SIZE,
    measure: async ({ org, url, prisma, people }) => {
      const changes = await prisma.changeRequest.count();
      const label = org === "large" ? largeLabel({ ...SIZE, changes }) : `demo (${changes} changes)`;
      return measure(label, url, people.CHANGE_MANAGER);
    },
  });
  if (!rows) return; // this process measured one organisation for its parent
  await writePerformanceSection("html-size", [
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC: production build, signed in as a change manager, HTML as sent (React payload included), before and after gzip. Budget ${BUDGET_KB} KB.`,
    "",
    "| organisation | page | HTML | gzip | within budget |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
  ], "## HTML size of the long list pages\n\n`npx tsx scripts/bench/html-size.ts`.");
}

main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
