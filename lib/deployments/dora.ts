// DORA's four keys as pure functions over production deployments and a period. No I/O: the caller
// reads the deployments (lib/deployments/metrics.ts) and passes a clock-free period.
//
// Definitions (hand-worked examples in dora.test.ts):
// - Deployment frequency: production deployments that went live (succeeded, even if later rolled back)
//   per week of the period, compared with the service's deployment target.
// - Lead time for changes: earliest commit time → production success, per deployment; median and p90
//   (linear interpolation, like PostgreSQL's percentile_cont). Using the earliest commit, not a count
//   of commits, makes it squash-merge safe: one squashed commit or thirty merged ones weigh the same.
// - Change failure rate: share of finished production deployments that failed, were rolled back
//   (by status or by a later redeploy of the previous version), or that an incident names as its
//   cause (Incident.causeDeploymentId).
// - Time to restore: from incidents when the scope has any in the period: each incident's impact
//   window (availability lost → regained) that was restored in the period, and ones lost in it and
//   still open as unrestored. A scope without incidents in the period falls back to the deployments' own signal:
//   from the first failure of a run of failures to the next healthy deployment.
import type { DeploymentStatus, DeploymentTarget } from "../generated/prisma/enums.ts";

export type DoraDeployment = {
  status: DeploymentStatus;
  startedAt: Date;
  finishedAt: Date | null;
  firstCommitAt: Date | null;
  /** Linked to an incident it caused (incidents arrive later; false until then). */
  causedIncident?: boolean;
};

export type Period = { from: Date; to: Date };

/** An incident affecting the scope: its impact window (null regainedAt: still down). */
export type DoraIncident = { lostAt: Date; regainedAt: Date | null };
export type Band = "ELITE" | "HIGH" | "MEDIUM" | "LOW";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

export const TARGET_PER_WEEK: Record<DeploymentTarget, number> = {
  MONTHLY: 7 / 30,
  FORTNIGHTLY: 0.5,
  WEEKLY: 1,
  DAILY: 5, // one per working day
};

export function leadTimeMs(deployment: Pick<DoraDeployment, "status" | "finishedAt" | "firstCommitAt">): number | null {
  if (!deployment.firstCommitAt || !deployment.finishedAt) return null;
  if (deployment.status !== "SUCCEEDED" && deployment.status !== "ROLLED_BACK") return null;
  return Math.max(0, deployment.finishedAt.getTime() - deployment.firstCommitAt.getTime());
}

/** Linear interpolation between closest ranks (percentile_cont); null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

const wentLive = (d: DoraDeployment) => d.status === "SUCCEEDED" || d.status === "ROLLED_BACK";
const isFailure = (d: DoraDeployment) => d.status === "FAILED" || d.status === "ROLLED_BACK" || Boolean(d.causedIncident);
const isFinished = (d: DoraDeployment) => d.status !== "STARTED";
const endOf = (d: DoraDeployment) => (d.finishedAt ?? d.startedAt).getTime();

export type DoraMetrics = {
  deployments: number;
  perWeek: number;
  meetsTarget: boolean | null;
  leadTimeMedianMs: number | null;
  leadTimeP90Ms: number | null;
  changeFailureRate: number | null;
  failures: number;
  timeToRestoreMedianMs: number | null;
  unrestored: number;
  band: Band | null;
};

export function doraMetrics(all: readonly DoraDeployment[], period: Period, target?: DeploymentTarget | null, incidents: readonly DoraIncident[] = []): DoraMetrics {
  const inPeriod = all.filter((d) => endOf(d) >= period.from.getTime() && endOf(d) < period.to.getTime());
  const live = inPeriod.filter(wentLive);
  const leadTimes = live.map(leadTimeMs).filter((value): value is number => value !== null);
  const finished = inPeriod.filter(isFinished);
  const restore = incidentRestores(incidents, period) ?? timesToRestore(inPeriod);
  return doraFromAggregate(
    {
      live: live.length,
      finished: finished.length,
      failures: finished.filter(isFailure).length,
      leadTimeMedianMs: percentile(leadTimes, 0.5),
      leadTimeP90Ms: percentile(leadTimes, 0.9),
      timeToRestoreMedianMs: percentile(restore.durations, 0.5),
      unrestored: restore.unrestored,
    },
    period,
    target,
  );
}

/**
 * What DORA needs of a period, already aggregated: counts, lead-time percentiles and time to restore.
 * The deployments pages get it from the daily rollup in SQL (lib/deployments/dora-rollup.ts);
 * doraMetrics above computes it from deployment rows. Both end here, so the rules live once.
 */
export type DoraAggregate = {
  live: number;
  finished: number;
  failures: number;
  leadTimeMedianMs: number | null;
  leadTimeP90Ms: number | null;
  timeToRestoreMedianMs: number | null;
  unrestored: number;
};

export const EMPTY_AGGREGATE: DoraAggregate = {
  live: 0, finished: 0, failures: 0, leadTimeMedianMs: null, leadTimeP90Ms: null, timeToRestoreMedianMs: null, unrestored: 0,
};

export function doraFromAggregate(aggregate: DoraAggregate, period: Period, target?: DeploymentTarget | null): DoraMetrics {
  const weeks = Math.max((period.to.getTime() - period.from.getTime()) / WEEK, 1 / 7);
  const perWeek = aggregate.live / weeks;
  const metrics = {
    deployments: aggregate.live,
    perWeek,
    meetsTarget: target ? perWeek >= TARGET_PER_WEEK[target] - 1e-9 : null,
    leadTimeMedianMs: aggregate.leadTimeMedianMs,
    leadTimeP90Ms: aggregate.leadTimeP90Ms,
    changeFailureRate: aggregate.finished ? aggregate.failures / aggregate.finished : null,
    failures: aggregate.failures,
    timeToRestoreMedianMs: aggregate.timeToRestoreMedianMs,
    unrestored: aggregate.unrestored,
  };
  return { ...metrics, band: doraBand(metrics) };
}

/**
 * Time to restore from incidents: the windows regained inside the period, and as unrestored those lost
 * inside it and still open (as a failing run of deployments in the period is). Null when no incident
 * is either: the deployments' signal applies then.
 */
export function incidentRestores(incidents: readonly DoraIncident[], period: Period): { durations: number[]; unrestored: number } | null {
  const from = period.from.getTime();
  const to = period.to.getTime();
  const durations: number[] = [];
  let unrestored = 0;
  for (const incident of incidents) {
    const regained = incident.regainedAt?.getTime() ?? null;
    if (regained === null) {
      if (incident.lostAt.getTime() >= from && incident.lostAt.getTime() < to) unrestored += 1;
    } else if (regained >= from && regained < to) durations.push(Math.max(0, regained - incident.lostAt.getTime()));
  }
  return durations.length || unrestored ? { durations, unrestored } : null;
}

/** Pairs each run of failures with the next healthy deployment. Input in any order. */
export function timesToRestore(deployments: readonly DoraDeployment[]): { durations: number[]; unrestored: number } {
  const ordered = deployments.filter(isFinished).sort((a, b) => endOf(a) - endOf(b));
  const durations: number[] = [];
  let failingSince: number | null = null;
  for (const deployment of ordered) {
    if (isFailure(deployment)) failingSince ??= endOf(deployment);
    else if (failingSince !== null) {
      durations.push(endOf(deployment) - failingSince);
      failingSince = null;
    }
  }
  return { durations, unrestored: failingSince === null ? 0 : 1 };
}

const rank: Record<Band, number> = { ELITE: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };

/**
 * The DORA performance band, from the State of DevOps clusters: each metric gets a band and the
 * overall band is the weakest of them (metrics without data are left out).
 */
export function doraBand(m: Pick<DoraMetrics, "deployments" | "perWeek" | "leadTimeMedianMs" | "changeFailureRate" | "timeToRestoreMedianMs">): Band | null {
  if (m.deployments === 0) return null;
  const bands: Band[] = [];
  bands.push(m.perWeek >= 7 ? "ELITE" : m.perWeek >= 1 ? "HIGH" : m.perWeek >= 7 / 30 ? "MEDIUM" : "LOW");
  if (m.leadTimeMedianMs !== null) {
    bands.push(m.leadTimeMedianMs <= DAY ? "ELITE" : m.leadTimeMedianMs <= WEEK ? "HIGH" : m.leadTimeMedianMs <= 30 * DAY ? "MEDIUM" : "LOW");
  }
  if (m.changeFailureRate !== null) {
    bands.push(m.changeFailureRate <= 0.05 ? "ELITE" : m.changeFailureRate <= 0.15 ? "HIGH" : m.changeFailureRate <= 0.3 ? "MEDIUM" : "LOW");
  }
  if (m.timeToRestoreMedianMs !== null) {
    bands.push(m.timeToRestoreMedianMs <= HOUR ? "ELITE" : m.timeToRestoreMedianMs <= DAY ? "HIGH" : m.timeToRestoreMedianMs <= WEEK ? "MEDIUM" : "LOW");
  }
  return bands.reduce((worst, band) => (rank[band] > rank[worst] ? band : worst));
}

/** Monday 00:00 UTC of the week containing `date`. */
export function weekStart(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const offset = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - offset * DAY);
}

export type WeeklyPoint = { week: string; deployments: number; failures: number; leadTimeMedianHours: number | null };

/** The weeks of a period (Monday 00:00 UTC of each, as ms), the frame of the trend charts. */
export function periodWeeks(period: Period): number[] {
  const weeks: number[] = [];
  for (let week = weekStart(period.from).getTime(); week < period.to.getTime(); week += WEEK) weeks.push(week);
  return weeks;
}

/**
 * The trend of a period from per-week aggregates keyed by Monday (YYYY-MM-DD, as SQL's date_trunc('week')
 * gives them): one point per week of the period, in order, empty weeks included, so the charts and the
 * table under them show the same weeks.
 */
export function weeklySeries(period: Period, byWeek: ReadonlyMap<string, { live: number; failures: number; leadTimeMedianMs: number | null }>): WeeklyPoint[] {
  return periodWeeks(period).map((week) => {
    const monday = new Date(week).toISOString().slice(0, 10);
    const point = byWeek.get(monday);
    return { week: monday, deployments: point?.live ?? 0, failures: point?.failures ?? 0, leadTimeMedianHours: leadTimeHours(point?.leadTimeMedianMs ?? null) };
  });
}

export const leadTimeHours = (ms: number | null) => (ms === null ? null : Math.round((ms / HOUR) * 10) / 10);

/** One point per week of the period (empty weeks included), for the trend charts. */
export function weeklyTrend(all: readonly DoraDeployment[], period: Period): WeeklyPoint[] {
  const points = new Map<number, { live: number; failures: number; leadTimes: number[] }>();
  for (const week of periodWeeks(period)) points.set(week, { live: 0, failures: 0, leadTimes: [] });
  for (const d of all) {
    const end = endOf(d);
    if (end < period.from.getTime() || end >= period.to.getTime()) continue;
    const point = points.get(weekStart(new Date(end)).getTime());
    if (!point) continue;
    if (wentLive(d)) point.live += 1;
    if (isFinished(d) && isFailure(d)) point.failures += 1;
    const lead = leadTimeMs(d);
    if (lead !== null) point.leadTimes.push(lead);
  }
  return [...points].map(([week, point]) => {
    const median = percentile(point.leadTimes, 0.5);
    return {
      week: new Date(week).toISOString().slice(0, 10),
      deployments: point.live,
      failures: point.failures,
      leadTimeMedianHours: leadTimeHours(median),
    };
  });
}
