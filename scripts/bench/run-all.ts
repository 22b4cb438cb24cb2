// `npm run bench`: measures the audit write path and the catalog reads on a fresh PostgreSQL and
// rewrites the measured section of docs/PERFORMANCE.md. Numbers depend on the machine: record it.
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fmt, freshDatabase, percentile, runConcurrently, timeIt } from "./harness";

const MUTATIONS = Number(process.env.BENCH_MUTATIONS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const SERVICES = Number(process.env.BENCH_SERVICES ?? 2000);

async function main() {
  const database = await freshDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.DATABASE_POOL_SIZE = String(CONCURRENCY + 5);
  const { db } = await import("../../lib/db");
  const { recordAuditEvent } = await import("../../lib/audit/record-audit-event");
  const { requestSeal, sealAllPending } = await import("../../lib/audit/seal-audit-events");
  const { verifyAuditChain } = await import("../../lib/audit/verify-audit-chain");
  const { listServices } = await import("../../lib/catalog/queries");
  const { createExposureBands, createService, createTeam } = await import("../../prisma/seed/factories");
  const prisma = db();
  const system = { kind: "SYSTEM", label: "bench" } as const;
  const rows: string[] = [];

  // 1. Audited writes, shaped like pipeline ingest: each is a transaction that inserts a row and appends
  //    its audit event, then asks for a seal, exactly as the use cases do. Distinct rows, so the only
  //    shared thing between writers is the audit chain.
  await createExposureBands(prisma);
  const write = await runConcurrently(MUTATIONS, CONCURRENCY, async (i) => {
    await prisma.$transaction(async (tx) => {
      const after = await tx.domain.create({ data: { slug: `bench-${i}`, name: `Bench ${i}` }, select: { id: true, slug: true, name: true } });
      await recordAuditEvent(tx, system, { action: "domain.create", entityType: "Domain", entityId: after.id, after });
    });
    void requestSeal(prisma);
  });
  const drain = await timeIt(() => sealAllPending(prisma));
  rows.push(
    `| audited write (insert + audit event, ${CONCURRENCY} concurrent) | ${MUTATIONS} writes | ${(MUTATIONS / (write.wallMs / 1000)).toFixed(0)} writes/s | p50 ${fmt(percentile(write.latencies, 50))}, p95 ${fmt(percentile(write.latencies, 95))}, p99 ${fmt(percentile(write.latencies, 99))} |`,
    `| seal backlog left after the writes | ${MUTATIONS} writes | — | ${fmt(drain.ms)} to drain (${drain.value} events) |`,
  );
  const verify = await timeIt(() => verifyAuditChain(prisma, system));
  rows.push(`| verify the whole chain | ${verify.value.checked} events | — | ${fmt(verify.ms)} (ok: ${verify.value.ok}) |`);

  // 2. Catalog reads over a large catalog.
  const teams = await Promise.all(Array.from({ length: 20 }, () => createTeam(prisma)));
  for (let i = 0; i < SERVICES; i++) await createService(prisma, { teamId: teams[i % teams.length]!.id });
  const list = await runConcurrently(50, 1, () => listServices(prisma, {}));
  const search = await runConcurrently(50, 1, () => listServices(prisma, { q: "api", tier: "TIER_3" }));
  rows.push(
    `| catalog list, no filter | ${SERVICES} services | — | p50 ${fmt(percentile(list.latencies, 50))}, p95 ${fmt(percentile(list.latencies, 95))} |`,
    `| catalog search + tier filter | ${SERVICES} services | — | p50 ${fmt(percentile(search.latencies, 50))}, p95 ${fmt(percentile(search.latencies, 95))} |`,
  );

  await prisma.$disconnect();
  await database.stop();

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, embedded PostgreSQL 18`;
  const section = [
    "<!-- bench:start -->",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; bench and database on the same machine.`,
    "",
    "| what | data | throughput | latency |",
    "| --- | --- | --- | --- |",
    ...rows,
    "<!-- bench:end -->",
  ].join("\n");
  const file = "docs/PERFORMANCE.md";
  const doc = readFileSync(file, "utf8");
  writeFileSync(file, doc.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, section));
  console.log(section);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
