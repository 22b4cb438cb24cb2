// `npx tsx scripts/bench/audit-export.ts` (needs `npm run build` first): generates BENCH_AUDIT_EVENTS
// (default 1,000,000) audit events in bulk SQL, seals them into a valid hash chain, then streams
// GET /api/v1/audit/export?format=csv through `next start` and samples the server's memory from /proc
// while it streams. Rewrites the <!-- bench:audit-export --> section of docs/PERFORMANCE.md.
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { fmt, freshDatabase, timeIt, startNextServer } from "./harness";

const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);
const PORT = Number(process.env.BENCH_PORT ?? 3104);
const SEAL_BATCH = 10_000;

type Memory = { rssKb: number; hwmKb: number };

/** VmRSS and VmHWM (peak RSS) of a process and its descendants, summed. */
function memoryOf(pid: number): Memory {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      const children = readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, "utf8").trim();
      if (children) pids.push(...children.split(/\s+/).map(Number));
    } catch {
      // the process ended
    }
  }
  const total = { rssKb: 0, hwmKb: 0 };
  for (const p of pids) {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      total.rssKb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      total.hwmKb += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // the process ended
    }
  }
  return total;
}

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;


async function main() {
  const database = await freshDatabase();
  process.env.DATABASE_URL = database.url;
  const { db } = await import("../../lib/db");
  const { hashEvent, GENESIS_HASH } = await import("../../lib/audit/hash");
  const { sealAllPending } = await import("../../lib/audit/seal-audit-events");
  const { generateTokenSecret, hashToken } = await import("../../lib/auth/api-tokens");
  const prisma = db();
  await sealAllPending(prisma); // the migrations' own events, if any

  // 1. A million events over a year, shaped like the real ones (JSON snapshots, a few actors and actions).
  const generate = await timeIt(() =>
    prisma.$executeRawUnsafe(`
      INSERT INTO "AuditEvent" (id, "occurredAt", "actorId", "actorLabel", "actorKind", action, "entityType", "entityId", before, after)
      SELECT 'ae' || lpad(g::text, 8, '0'),
             timestamp '2026-01-01' + g * interval '31 seconds',
             CASE WHEN g % 3 = 0 THEN 'person-' || (g % 50) END,
             CASE WHEN g % 3 = 0 THEN 'Person ' || (g % 50) || ' <p' || (g % 50) || '@runwell.local>' ELSE 'token:ci (rw_abc' || (g % 200) || '…)' END,
             CASE WHEN g % 3 = 0 THEN 'PERSON' ELSE 'TOKEN' END,
             (ARRAY['deployment.report', 'deployment.succeeded', 'service.edit', 'runbook.edit', 'oncall-override.assign'])[1 + g % 5],
             (ARRAY['Deployment', 'Deployment', 'Service', 'Runbook', 'OnCallOverride'])[1 + g % 5],
             'entity-' || (g % 20000),
             CASE WHEN g % 5 = 2 THEN jsonb_build_object('name', 'Service ' || (g % 2000), 'tier', 'TIER_2', 'description', 'Handles, "quoted" text') END,
             jsonb_build_object('version', 'v' || g, 'status', 'SUCCEEDED', 'service', 'service-' || (g % 2000), 'commits', g % 7,
                                'pipelineUrl', 'https://ci.example/runs/' || g, 'note', CASE WHEN g % 97 = 0 THEN '=cmd()' ELSE 'ok' END)
        FROM generate_series(1, ${EVENTS}) g`),
  );
  console.log(`generated ${EVENTS} events in ${fmt(generate.ms)}`);

  // 2. Seal them with the production hash, in keyset batches (the distinct timestamps above give one order).
  const seal = await timeIt(async () => {
    const [last] = await prisma.$queryRaw<{ seq: bigint | null; hash: string | null }[]>`
      SELECT seq, hash FROM "AuditEvent" WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1`;
    let prevHash = last?.hash ?? GENESIS_HASH;
    let seq = last?.seq ?? 0n;
    let after = "";
    for (;;) {
      const rows = await prisma.auditEvent.findMany({
        where: { seq: null, id: { gt: after, startsWith: "ae" } },
        orderBy: { id: "asc" },
        take: SEAL_BATCH,
        select: { id: true, occurredAt: true, actorId: true, actorLabel: true, actorKind: true, action: true, entityType: true, entityId: true, before: true, after: true },
      });
      if (rows.length === 0) break;
      const ids: string[] = [], seqs: string[] = [], prevs: string[] = [], hashes: string[] = [];
      for (const row of rows) {
        seq += 1n;
        const hash = hashEvent({ ...row, seq }, prevHash);
        ids.push(row.id);
        seqs.push(seq.toString());
        prevs.push(prevHash);
        hashes.push(hash);
        prevHash = hash;
      }
      await prisma.$executeRaw`
        UPDATE "AuditEvent" AS e SET seq = s.seq, "prevHash" = s.prev_hash, hash = s.hash, "sealedAt" = now()
          FROM unnest(${ids}::text[], ${seqs}::bigint[], ${prevs}::text[], ${hashes}::text[]) AS s(id, seq, prev_hash, hash)
         WHERE e.id = s.id`;
      after = rows[rows.length - 1]!.id;
    }
    await prisma.$executeRawUnsafe("VACUUM ANALYZE \"AuditEvent\"");
  });
  console.log(`sealed in ${fmt(seal.ms)}`);

  // An organisation-wide token with audit:read (the UI makes service tokens; an operator can make this one).
  const secret = generateTokenSecret();
  await prisma.apiToken.create({ data: { name: "auditor", prefix: secret.slice(0, 10), tokenHash: hashToken(secret), scopes: ["audit:read"] }, select: { id: true } });

  const server = await startNextServer({ url: database.url, port: PORT });
  const exportOnce = async (query: string, onChunk?: (bytes: number) => void) => {
    const response = await fetch(`http://localhost:${PORT}/api/v1/audit/export?${query}`, { headers: { authorization: `Bearer ${secret}` } });
    if (response.status !== 200) throw new Error(`export answered ${response.status}: ${await response.text()}`);
    let bytes = 0;
    let newlines = 0;
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (let i = 0; i < value.length; i++) if (value[i] === 10) newlines += 1;
      onChunk?.(bytes);
    }
    return { bytes, lines: newlines, disposition: response.headers.get("content-disposition") };
  };
  const idle = memoryOf(server.pid);
  // Warm-up: route compilation, JIT, pools; a small export.
  const small = await exportOnce("format=csv&from=2026-01-01T00:00:00Z&to=2026-01-04T00:00:00Z");
  const afterSmall = memoryOf(server.pid);

  const samples: { at: number; rssKb: number }[] = [];
  let maxRss = 0;
  const start = performance.now();
  const sampler = setInterval(() => {
    const { rssKb } = memoryOf(server.pid);
    maxRss = Math.max(maxRss, rssKb);
    samples.push({ at: performance.now() - start, rssKb });
  }, 100);
  const big = await exportOnce("format=csv");
  const ms = performance.now() - start;
  clearInterval(sampler);
  const end = memoryOf(server.pid);
  server.stop();
  const load = os.loadavg().map((value) => value.toFixed(1)).join(", ");

  // RSS over the export, in tenths of its duration: flat means it does not grow with rows sent.
  const tenths = Array.from({ length: 10 }, (_, i) => {
    const inTenth = samples.filter((s) => s.at >= (ms * i) / 10 && s.at < (ms * (i + 1)) / 10);
    return inTenth.length ? mb(Math.max(...inTenth.map((s) => s.rssKb))) : "—";
  });
  const rows = [
    `| generate the events (bulk SQL) | ${EVENTS.toLocaleString("en")} events | ${fmt(generate.ms)} |`,
    `| seal them into the hash chain (production hash, batches of ${SEAL_BATCH.toLocaleString("en")}) | ${EVENTS.toLocaleString("en")} events | ${fmt(seal.ms)} |`,
    `| CSV export, 3 days (warm-up) | ${(small.lines - 1).toLocaleString("en")} events, ${(small.bytes / 1e6).toFixed(1)} MB | — |`,
    `| **CSV export of the whole trail**, streamed through \`next start\` | ${(big.lines - 1).toLocaleString("en")} events, ${(big.bytes / 1e6).toFixed(0)} MB | ${(ms / 1000).toFixed(1)} s (${((big.lines - 1) / (ms / 1000)).toFixed(0)} events/s, ${(big.bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s) |`,
    `| server RSS: idle → after warm-up → peak during the big export → after | | ${mb(idle.rssKb)} → ${mb(afterSmall.rssKb)} → ${mb(maxRss)} → ${mb(end.rssKb)} |`,
    `| server peak RSS over its life (VmHWM) | | ${mb(end.hwmKb)} |`,
    `| server RSS by tenth of the export (max per tenth) | | ${tenths.join(", ")} |`,
  ];
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, embedded PostgreSQL 18, production build; client, server and database share the cores; load average at the end ${load}`;
  const section = [
    "<!-- bench:audit-export:start -->",
    `Measured ${new Date().toISOString().slice(0, 16)}Z on ${machine}. Content-Disposition: \`${big.disposition}\`.`,
    "",
    "| what | data | result |",
    "| --- | --- | --- |",
    ...rows,
    "<!-- bench:audit-export:end -->",
  ].join("\n");
  await prisma.$disconnect();
  await database.stop();
  const file = "docs/PERFORMANCE.md";
  const doc = readFileSync(file, "utf8");
  writeFileSync(file, doc.includes("<!-- bench:audit-export:start -->")
    ? doc.replace(/<!-- bench:audit-export:start -->[\s\S]*?<!-- bench:audit-export:end -->/, section)
    : `${doc.trimEnd()}\n\n## Audit export\n\n${section}\n`);
  console.log(section);
}

main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
