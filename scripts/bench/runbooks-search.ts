// `npm run bench:runbooks`: full-text search over 10,000 generated runbooks (50,000 revisions) and the
// server work behind a runbook page and its history with 200 revisions, on a fresh PostgreSQL.
// Rewrites its own section of docs/PERFORMANCE.md (<!-- bench:runbooks:start --> … end).
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fmt, freshDatabase, percentile, timeIt } from "./harness";

const RUNBOOKS = Number(process.env.BENCH_RUNBOOKS ?? 10_000);
const REVISIONS_PER_RUNBOOK = Number(process.env.BENCH_REVISIONS_PER_RUNBOOK ?? 5);
const SERVICES = 200;
const TEAMS = 20;
const PAGE_REVISIONS = 200;

// Deterministic text, shaped like a real collection: each runbook is about one of 40 topics and
// mostly uses that topic's words (so "failover" is in the few hundred database runbooks, not in all),
// plus generic words that are in nearly every runbook and rare terms (system names, hosts, error codes).
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const VOCABULARY = (
  "database failover pod node cluster queue backlog latency timeout retry certificate expiry " +
  "disk memory cpu saturation replica primary lag backup restore rollback deploy release canary feature flag dns tls " +
  "kafka rabbitmq redis postgres elasticsearch nginx ingress gateway api token secret vault rotate key quota throttle " +
  "acquirer payment settlement ledger invoice email sms push webhook partner vendor ticket " +
  "threshold incident mitigate drain cordon scale autoscaler limit connection pool leak " +
  "cache eviction hit miss shard partition rebalance consumer producer offset snapshot replay migration schema index " +
  "vacuum bloat lock deadlock transaction isolation checkpoint wal archive object storage bucket cdn origin region zone"
).split(" ");
const GENERIC = "service check restart dashboard alert step confirm escalate team owner page status log metric error".split(" ");
const TOPICS = Array.from({ length: 40 }, (_, t) => Array.from({ length: 12 }, (_, k) => VOCABULARY[(t * 7 + k) % VOCABULARY.length]!));
const SYLLABLES = ["ka", "lo", "mi", "ter", "van", "dro", "ple", "sto", "qui", "zen", "bor", "fal", "gri", "nox", "pra", "tel"];
const RARE = Array.from({ length: 4000 }, (_, i) => `${SYLLABLES[i % 16]}${SYLLABLES[(i >> 4) % 16]}${SYLLABLES[(i >> 8) % 16]}${i % 7}`);
const pickFrom = (list: readonly string[]) => list[Math.floor(list.length * random())]!;
let topic: readonly string[] = TOPICS[0]!;
let rare: string[] = [];
const word = () => {
  const r = random();
  return r < 0.6 ? pickFrom(topic) : r < 0.9 ? pickFrom(GENERIC) : pickFrom(rare);
};
const sentence = (words: number) => Array.from({ length: words }, word).join(" ");
/** The next runbook's subject: its topic and six rare terms of its own. */
function nextSubject(i: number) {
  topic = TOPICS[i % TOPICS.length]!;
  rare = Array.from({ length: 6 }, () => pickFrom(RARE));
}
function body(paragraphs: number): string {
  const parts = [`# ${sentence(4)}`];
  for (let i = 0; i < paragraphs; i++) {
    parts.push(`## ${sentence(3)}`, `${sentence(40)}.`, `1. ${sentence(8)}\n2. ${sentence(8)}\n3. ${sentence(8)}`, "```sh\n" + `kubectl rollout restart deploy/${word()}\n` + "```");
  }
  return parts.join("\n\n");
}

async function main() {
  const loadBefore = os.loadavg()[0]!;
  const database = await freshDatabase();
  process.env.DATABASE_URL = database.url;
  const { db } = await import("../../lib/db");
  const { searchRunbooks, quickFind, withSearchPlanner } = await import("../../lib/runbooks/search-queries");
  const { getRunbook, listRevisions, getRevisions, listServiceRunbooks } = await import("../../lib/runbooks/queries");
  const { renderMarkdown } = await import("../../lib/runbooks/render-markdown");
  const { renderMarkdownCached } = await import("../../lib/runbooks/render-cache");
  const { revisionDiff } = await import("../../lib/runbooks/revision-diff");
  const { createService, createTeam } = await import("../../prisma/seed/factories");
  const prisma = db();

  // Data: bulk inserts (createMany) rather than the audited use case, to build 60,000 rows in a minute.
  const teams = await Promise.all(Array.from({ length: TEAMS }, () => createTeam(prisma)));
  const services: { id: string; slug: string }[] = [];
  for (let i = 0; i < SERVICES; i++) services.push(await createService(prisma, { teamId: teams[i % TEAMS]!.id }));
  const load = await timeIt(async () => {
    const BATCH = 500;
    for (let start = 0; start < RUNBOOKS; start += BATCH) {
      const runbooks = Array.from({ length: Math.min(BATCH, RUNBOOKS - start) }, (_, k) => {
        const i = start + k;
        nextSubject(i);
        return {
          id: `bench-runbook-${i}`, serviceId: services[i % SERVICES]!.id, slug: `runbook-${i}`, title: `${sentence(3)} ${i}`,
          body: body(2 + (i % 4)), tags: [word(), word()], alertNames: [`Alert${i}`], revision: REVISIONS_PER_RUNBOOK,
          lastReviewedAt: new Date(Date.now() - (i % 200) * 86_400_000),
        };
      });
      await prisma.runbook.createMany({ data: runbooks });
      await prisma.runbookRevision.createMany({
        data: runbooks.flatMap((runbook) =>
          Array.from({ length: REVISIONS_PER_RUNBOOK }, (_, r) => ({
            runbookId: runbook.id, number: r + 1, title: runbook.title, body: r === REVISIONS_PER_RUNBOOK - 1 ? runbook.body : `${runbook.body}\n\n${sentence(10)}`,
            tags: runbook.tags, alertNames: runbook.alertNames, summary: `Edit ${r + 1}`, authorLabel: "bench",
          })),
        ),
      });
    }
  });
  // One runbook with a long history, for the page and history timings.
  nextSubject(0);
  const pageBody = body(12);
  const long = await prisma.runbook.create({
    data: { serviceId: services[0]!.id, slug: "long-history", title: "Long history", body: pageBody, tags: ["bench"], alertNames: [], revision: PAGE_REVISIONS },
    select: { id: true },
  });
  await prisma.runbookRevision.createMany({
    data: Array.from({ length: PAGE_REVISIONS }, (_, r) => ({
      runbookId: long.id, number: r + 1, title: "Long history", body: r === PAGE_REVISIONS - 1 ? pageBody : `${pageBody}\n\nStep added in revision ${r + 1}: ${sentence(12)}`,
      tags: ["bench"], alertNames: [], summary: `Edit ${r + 1}`, authorLabel: "bench",
    })),
  });
  // Every table, not only the runbooks: with the 200 services and 20 teams just inserted and not yet
  // analysed, the planner takes "Service" for one row and walks every runbook of every service instead
  // of the GIN index (40 ms instead of 15 ms for a search). Autovacuum does this in a live database.
  await prisma.$executeRawUnsafe(`ANALYZE`);
  const [counts] = await prisma.$queryRaw<{ runbooks: bigint; revisions: bigint }[]>`
    SELECT (SELECT count(*) FROM "Runbook") AS runbooks, (SELECT count(*) FROM "RunbookRevision") AS revisions`;

  // Queries people type at 3 a.m.: single words from common to rare, phrases, an alert name.
  const QUERIES = [RARE[17]!, `${RARE[99]} ${RARE[1234]}`, "failover", "database failover", "certificate expiry", "kafka consumer lag",
    "rotate vault secret", "deadlock", "cdn origin", "\"connection pool\"", "Alert4242", "settlement acquirer", "disk", "eviction",
    "replay snapshot", "dns", RARE[3001]!];
  // A word in nearly every runbook: the worst case (every runbook matches and is ranked), reported apart.
  const GENERIC_QUERY = "restart dashboard";
  const team = teams[3]!.slug;
  const timings: number[] = [];
  const filtered: number[] = [];
  const palette: number[] = [];
  const generic: number[] = [];
  for (let round = 0; round < 3; round++) await searchRunbooks(prisma, { q: QUERIES[round]! }); // warm-up
  for (let round = 0; round < 10; round++) {
    for (const q of QUERIES) {
      timings.push((await timeIt(() => searchRunbooks(prisma, { q }))).ms);
      filtered.push((await timeIt(() => searchRunbooks(prisma, { q, team }))).ms);
      palette.push((await timeIt(() => quickFind(prisma, q.replace(/"/g, "").slice(0, 6)))).ms);
    }
    generic.push((await timeIt(() => searchRunbooks(prisma, { q: GENERIC_QUERY }))).ms);
  }
  const [matchRow] = await prisma.$queryRaw<{ matched: number }[]>`
    SELECT count(*)::int AS matched FROM "Runbook" WHERE "searchVector" @@ websearch_to_tsquery('english', 'database failover')`;
  const plan = await withSearchPlanner(prisma, prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `EXPLAIN SELECT id FROM "Runbook" WHERE "searchVector" @@ websearch_to_tsquery('english', 'deadlock')`,
  ));
  const usesIndex = plan.some((row) => row["QUERY PLAN"].includes("rw_manual_runbook_search"));

  // The runbook page's server work: the runbook, its service's list, and the markdown render. The
  // history page: 200 revision rows, two revisions' content and their diff. (React rendering of the
  // already-computed HTML is not included.)
  const serviceSlug = services[0]!.slug;
  const pageTimes: number[] = [];
  const historyTimes: number[] = [];
  const renderTimes: number[] = [];
  renderMarkdown("# warm-up");
  for (let i = 0; i < 30; i++) {
    // Uncached render of the same text, to show what the first view after a save costs.
    renderTimes.push((await timeIt(async () => renderMarkdown(`${pageBody}\n\n${i}`))).ms);
    pageTimes.push((await timeIt(async () => {
      const runbook = await getRunbook(prisma, serviceSlug, "long-history");
      await listServiceRunbooks(prisma, runbook!.service.id);
      return renderMarkdownCached(runbook!.body);
    })).ms);
    historyTimes.push((await timeIt(async () => {
      const runbook = await getRunbook(prisma, serviceSlug, "long-history");
      const revisions = await listRevisions(prisma, runbook!.id);
      const [before, after] = await getRevisions(prisma, runbook!.id, [1, PAGE_REVISIONS]);
      return { count: revisions.length, diff: revisionDiff(before!, after!) };
    })).ms);
  }
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const p = (values: number[]) => `p50 ${fmt(percentile(sorted(values), 50))}, p95 ${fmt(percentile(sorted(values), 95))}`;
  const runbooksOnService0 = await prisma.runbook.count({ where: { serviceId: services[0]!.id } });

  await prisma.$disconnect();
  await database.stop();

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, embedded PostgreSQL 18`;
  const data = `${counts!.runbooks} runbooks, ${counts!.revisions} revisions`;
  const section = [
    "<!-- bench:runbooks:start -->",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; bench and database on the same machine.`,
    `Load average ${loadBefore.toFixed(1)} at the start and ${os.loadavg()[0]!.toFixed(1)} at the end${loadBefore > 1.5 ? " (other work shared the cores: these are upper bounds)" : ""}.`,
    `Data: ${data} (${SERVICES} services, ${TEAMS} teams; generated text of 1–3 kB per runbook on 40 topics, loaded in ${(load.ms / 1000).toFixed(1)} s).`,
    `Search is \`searchRunbooks\` (ranked with ts_rank on the weighted tsvector, one page of 20 with the count of all matches, ts_headline snippets for those 20) over ${QUERIES.length} queries × 10 rounds;`,
    `the GIN index \`rw_manual_runbook_search\` is ${usesIndex ? "used" : "NOT used"} by the planner. "database failover" matched ${matchRow?.matched ?? 0} runbooks.`,
    "",
    "| what | data | latency | target |",
    "| --- | --- | --- | --- |",
    `| full-text search, ranked + highlighted | ${data} | ${p(timings)} | p95 < 50 ms |`,
    `| worst case: "${GENERIC_QUERY}", words in nearly every runbook (all ranked) | ${data} | ${p(generic)} | — |`,
    `| full-text search + team filter | ${data} | ${p(filtered)} | p95 < 50 ms |`,
    `| quick-find palette (services, runbooks by prefix, people) | ${data} | ${p(palette)} | — |`,
    `| runbook page server work (runbook, ${runbooksOnService0} runbooks of its service, rendered HTML from the cache) | ${PAGE_REVISIONS} revisions | ${p(pageTimes)} | < 100 ms |`,
    `| markdown render + sanitise, uncached (first view of a new revision) | ${pageBody.length} characters | ${p(renderTimes)} | — |`,
    `| history page server work (${PAGE_REVISIONS} revision rows, diff of revision 1 → ${PAGE_REVISIONS}) | ${PAGE_REVISIONS} revisions | ${p(historyTimes)} | < 100 ms |`,
    "<!-- bench:runbooks:end -->",
  ].join("\n");
  const file = "docs/PERFORMANCE.md";
  const doc = readFileSync(file, "utf8");
  const pattern = /<!-- bench:runbooks:start -->[\s\S]*<!-- bench:runbooks:end -->/;
  writeFileSync(file, pattern.test(doc) ? doc.replace(pattern, section) : `${doc.trimEnd()}\n\n## Runbooks: search and pages\n\n${section}\n`);
  console.log(section);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
