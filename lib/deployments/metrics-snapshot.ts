// The DORA page of the organisation or a domain serves a snapshot at most a minute old. Computing it
// exactly reads every production deployment of the period: about 80,000 for a quarter of a
// million-deployment organisation, most of a second on two cores (docs/PERFORMANCE.md). DORA's keys
// are weekly trends and medians over months, so a minute's lag changes nothing a reader can act on,
// and the page says when its figures were computed. A stale snapshot is served while the next one is
// computed in the background (stale-while-revalidate), so only the first view after a start waits.
// Teams and services are small enough to compute on every view.
import type { Db } from "../db";
import { metricsReport, type MetricsReport } from "./metrics";
import type { MetricsScope } from "./queries";

export const SNAPSHOT_MAX_AGE_MS = 60_000;

type Snapshot = { report: Promise<MetricsReport | null>; computedAt: number; refreshing: boolean };

const snapshots = new Map<string, Snapshot>();

const isLarge = (scope: MetricsScope) => scope.kind === "organisation" || scope.kind === "domain";
const keyOf = (scope: MetricsScope, days: number) => `${scope.kind}:${"slug" in scope ? scope.slug : ""}:${days}`;

export async function metricsForPage(prisma: Db, scope: MetricsScope, days: number, now = new Date()): Promise<MetricsReport | null> {
  if (!isLarge(scope)) return metricsReport(prisma, scope, days, now);
  const key = keyOf(scope, days);
  const snapshot = snapshots.get(key);
  if (!snapshot) return compute(prisma, key, scope, days, now).report;
  if (now.getTime() - snapshot.computedAt > SNAPSHOT_MAX_AGE_MS && !snapshot.refreshing) {
    snapshot.refreshing = true;
    const next = compute(prisma, key, scope, days, now, snapshot);
    // Swap in the new snapshot once it is ready; a failed refresh keeps serving the old one.
    next.report.then(() => snapshots.set(key, next), () => { snapshot.refreshing = false; });
  }
  return snapshot.report;
}

function compute(prisma: Db, key: string, scope: MetricsScope, days: number, now: Date, previous?: Snapshot): Snapshot {
  const snapshot: Snapshot = { report: metricsReport(prisma, scope, days, now), computedAt: now.getTime(), refreshing: false };
  if (!previous) {
    snapshots.set(key, snapshot);
    // A first computation that fails, or finds no such scope, is not kept: the next view asks again.
    snapshot.report.then((report) => report ?? snapshots.delete(key), () => snapshots.delete(key));
  }
  return snapshot;
}

/** For tests: forget every snapshot. */
export function clearMetricsSnapshots(): void {
  snapshots.clear();
}
