// The DORA page of the organisation or a domain serves a snapshot at most a minute old. Computing it
// exactly reads every production deployment of the period: about 80,000 for a quarter of a
// million-deployment organisation, most of a second on two cores (docs/PERFORMANCE.md). DORA's keys
// are weekly trends and medians over months, so a minute's lag changes nothing a reader can act on,
// and the page says when its figures were computed.
//
// Snapshots live in PostgreSQL (DoraSnapshot), so every process and instance serves the same one and
// the organisation's is computed once a minute across all of them (the schedule.dora-snapshot job).
// A stale snapshot is served while this process computes the next (stale-while-revalidate); a newer
// snapshot written meanwhile by another process is never overwritten by an older one.
// Teams and services are small enough to compute on every view.
import type { Db } from "../db";
import { metricsReport, type MetricsReport } from "./metrics";
import type { MetricsScope } from "./queries";

export const SNAPSHOT_MAX_AGE_MS = 60_000;

const isLarge = (scope: MetricsScope) => scope.kind === "organisation" || scope.kind === "domain";
const keyOf = (scope: MetricsScope, days: number) => `${scope.kind}:${"slug" in scope ? scope.slug : ""}:${days}`;

/** Keys this process is computing now, so a burst of views starts one computation. */
const refreshing = new Set<string>();

function revive(json: unknown): MetricsReport {
  const report = json as MetricsReport & { period: { from: string; to: string }; computedAt: string };
  return { ...report, period: { ...report.period, from: new Date(report.period.from), to: new Date(report.period.to) }, computedAt: new Date(report.computedAt) };
}

async function computeAndStore(prisma: Db, key: string, scope: MetricsScope, days: number, now: Date): Promise<MetricsReport | null> {
  const report = await metricsReport(prisma, scope, days, now);
  if (!report) return null;
  const json = JSON.stringify(report);
  await prisma.$executeRaw`
    INSERT INTO "DoraSnapshot" (key, "computedAt", report) VALUES (${key}, ${now}, ${json}::jsonb)
    ON CONFLICT (key) DO UPDATE SET "computedAt" = EXCLUDED."computedAt", report = EXCLUDED.report
     WHERE "DoraSnapshot"."computedAt" < EXCLUDED."computedAt"`;
  return report;
}

export async function metricsForPage(prisma: Db, scope: MetricsScope, days: number, now = new Date()): Promise<MetricsReport | null> {
  if (!isLarge(scope)) return metricsReport(prisma, scope, days, now);
  const key = keyOf(scope, days);
  const row = await prisma.doraSnapshot.findUnique({ where: { key }, select: { computedAt: true, report: true } });
  if (!row) return computeAndStore(prisma, key, scope, days, now);
  if (now.getTime() - row.computedAt.getTime() > SNAPSHOT_MAX_AGE_MS && !refreshing.has(key)) {
    refreshing.add(key);
    // A failed refresh keeps serving the old snapshot; the next view (or the minutely job) tries again.
    void computeAndStore(prisma, key, scope, days, now).catch(() => undefined).finally(() => refreshing.delete(key));
  }
  return revive(row.report);
}

/** The scheduled job: recompute the organisation's snapshot for the default period. */
export async function refreshOrganisationSnapshot(prisma: Db, days: number, now: Date): Promise<void> {
  await computeAndStore(prisma, keyOf({ kind: "organisation" }, days), { kind: "organisation" }, days, now);
}

/** For tests: forget every snapshot. */
export async function clearMetricsSnapshots(prisma: Db): Promise<void> {
  await prisma.doraSnapshot.deleteMany({});
}
