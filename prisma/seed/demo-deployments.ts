// A realistic deployment history for the demo services: staging then production, at each service's
// deployment target, with failures fixed forward, a few rollbacks, health checks, and one deployment
// still running. Dates are relative to `now` so the metrics page always has a current quarter; the
// randomness is seeded, so every demo looks the same. Bulk inserts keep the seed well under a second;
// each report and health check is audited exactly as its pipeline's report would have been
// (demo-pipeline-events.ts), by the service's pipeline token, when it happened.
import { randomUUID } from "node:crypto";
import type { Actor } from "../../lib/auth/actor";
import { recordAuditEvents } from "../../lib/audit/record-audit-event";
import type { DbTx } from "../../lib/db";
import type { DeploymentStatus, DeploymentTarget } from "../../lib/generated/prisma/enums.ts";
import { healthCheckEvent, reportEvents } from "./demo-pipeline-events";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const HISTORY_DAYS = 120;

/** Chance of a release on a working day, by deployment target. */
const RELEASES_PER_WORKING_DAY: Record<DeploymentTarget, number> = { DAILY: 0.8, WEEKLY: 0.3, FORTNIGHTLY: 0.13, MONTHLY: 0.06 };

const COMMIT_MESSAGES = [
  "Retry card authorisation on gateway timeouts", "Add index for order lookups", "Upgrade HTTP client", "Fix rounding in VAT totals",
  "Log correlation ids", "Tighten input validation", "Remove dead feature flag", "Speed up cold start", "Handle empty baskets",
  "Rotate signing keys", "Paginate the history endpoint", "Translate error messages",
];

/** mulberry32: small, seeded, good enough for demo data. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Row = {
  id: string; serviceId: string; environmentId: string; version: string; externalId: string; status: DeploymentStatus;
  startedAt: Date; finishedAt: Date | null; pipelineUrl: string; deployer: string; firstCommitAt: Date | null;
  replacesId: string | null; isRollback: boolean; updatedAt: Date; createdAt: Date;
};

type SeedService = { id: string; slug: string; deploymentTarget: DeploymentTarget; deployers: string[] };

export async function seedDemoDeployments(tx: DbTx, services: SeedService[], pipelines: Map<string, Actor>, now = new Date()): Promise<void> {
  const environments = await tx.environment.findMany({ select: { id: true, slug: true } });
  const envId = (slug: string) => environments.find((environment) => environment.slug === slug)!.id;
  const staging = envId("staging");
  const production = envId("production");
  const rows: Row[] = [];
  const commits: { deploymentId: string; sha: string; committedAt: Date; message: string; author: string }[] = [];
  const checks: { id: string; deploymentId: string; name: string; status: "PASS" | "FAIL"; details: string; checkedAt: Date }[] = [];
  /** The status each deployment was reported with: a success rolled back later was reported as a success. */
  const reported = new Map<string, DeploymentStatus>();

  services.forEach((service, index) => {
    const next = random(1000 + index);
    const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
    const live: Record<string, Row | null> = { [staging]: null, [production]: null };
    let run = 0;
    const deploy = (environmentId: string, version: string, startedAt: Date, status: DeploymentStatus, firstCommitAt: Date | null, deployer: string, rollbackOf?: Row): Row => {
      run += 1;
      const current = live[environmentId] ?? null;
      const row: Row = {
        id: randomUUID(), serviceId: service.id, environmentId, version, externalId: `${service.slug}-${run}`, status,
        startedAt, finishedAt: status === "STARTED" ? null : new Date(startedAt.getTime() + (4 + Math.floor(next() * 8)) * MIN),
        pipelineUrl: `https://ci.runwell.local/${service.slug}/runs/${run}`, deployer, firstCommitAt,
        replacesId: status === "SUCCEEDED" ? current?.id ?? null : null, isRollback: Boolean(rollbackOf), updatedAt: now, createdAt: startedAt,
      };
      rows.push(row);
      reported.set(row.id, status);
      if (rollbackOf) rollbackOf.status = "ROLLED_BACK";
      if (status === "SUCCEEDED") live[environmentId] = row;
      return row;
    };

    let previousVersion: string | null = null;
    for (let day = HISTORY_DAYS; day >= 1; day -= 1) {
      const date = new Date(now.getTime() - day * DAY);
      const weekday = date.getUTCDay();
      if (weekday === 0 || weekday === 6 || next() > RELEASES_PER_WORKING_DAY[service.deploymentTarget]) continue;
      const start = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 9 + Math.floor(next() * 6), Math.floor(next() * 60)));
      const version = `${start.toISOString().slice(0, 10).replaceAll("-", ".")}-${run + 1}`;
      const deployer = pick(service.deployers);
      // Commits from a few hours to a week before; slower teams wait longer between merge and release.
      const commitCount = 1 + Math.floor(next() * 4);
      const commitTimes = Array.from({ length: commitCount }, () => new Date(start.getTime() - (2 * HOUR + next() * (service.deploymentTarget === "DAILY" ? 1 : 6) * DAY)));
      const firstCommitAt = new Date(Math.min(...commitTimes.map((time) => time.getTime())));
      const onStaging = deploy(staging, version, start, "SUCCEEDED", firstCommitAt, deployer);
      const toProduction = new Date(start.getTime() + (1 + Math.floor(next() * 4)) * HOUR);
      const roll = next();
      const status: DeploymentStatus = roll < 0.07 ? "FAILED" : "SUCCEEDED";
      const prod = deploy(production, version, toProduction, status, firstCommitAt, deployer);
      for (const [position, committedAt] of commitTimes.entries()) {
        const sha = Math.floor(next() * 0xffffffff).toString(16).padStart(8, "0") + position.toString(16).padStart(4, "0");
        commits.push({ deploymentId: onStaging.id, sha, committedAt, message: pick(COMMIT_MESSAGES), author: pick(service.deployers) });
        commits.push({ deploymentId: prod.id, sha, committedAt, message: pick(COMMIT_MESSAGES), author: pick(service.deployers) });
      }
      const checkedAt = new Date(prod.finishedAt!.getTime() + 2 * MIN);
      if (status === "FAILED") {
        checks.push({ id: randomUUID(), deploymentId: prod.id, name: "smoke tests", status: "FAIL", details: "POST /orders returned 502 on 3 of 20 probes.", checkedAt });
      } else {
        checks.push({ id: randomUUID(), deploymentId: prod.id, name: "smoke tests", status: "PASS", details: "20 of 20 probes passed.", checkedAt });
        checks.push({ id: randomUUID(), deploymentId: prod.id, name: "error rate", status: "PASS", details: "5xx rate 0.02% over 10 minutes.", checkedAt: new Date(checkedAt.getTime() + 10 * MIN) });
        // Now and then the error rate climbs after release and the team puts the previous version back.
        if (roll > 0.95 && previousVersion) {
          checks.push({ id: randomUUID(), deploymentId: prod.id, name: "error rate", status: "FAIL", details: "5xx rate 4.1% over 10 minutes.", checkedAt: new Date(checkedAt.getTime() + 20 * MIN) });
          const rollback = deploy(production, previousVersion, new Date(checkedAt.getTime() + 25 * MIN), "SUCCEEDED", null, deployer, prod);
          // The version put back is checked like a release (fixed results: the seeded randomness stays as it was).
          const verifiedAt = new Date(rollback.finishedAt!.getTime() + 2 * MIN);
          checks.push({ id: randomUUID(), deploymentId: rollback.id, name: "smoke tests", status: "PASS", details: "20 of 20 probes passed.", checkedAt: verifiedAt });
          checks.push({ id: randomUUID(), deploymentId: rollback.id, name: "error rate", status: "PASS", details: "5xx rate 0.02% over 10 minutes.", checkedAt: new Date(verifiedAt.getTime() + 10 * MIN) });
          continue;
        }
        previousVersion = version;
      }
    }
    if (index === 0) {
      // The first service has a release going out right now.
      deploy(staging, `${now.toISOString().slice(0, 10).replaceAll("-", ".")}-${run + 1}`, new Date(now.getTime() - 6 * MIN), "STARTED", new Date(now.getTime() - 5 * HOUR), pick(service.deployers));
    }
  });

  await tx.deployment.createMany({ data: rows });
  // Change managers' inboxes hold the last week of production deployments, as the pipeline reports would have left them.
  const changeManagers = await tx.person.findMany({ where: { role: "CHANGE_MANAGER", deactivatedAt: null }, select: { id: true } });
  const slugById = new Map(services.map((service) => [service.id, service.slug]));
  const recent = rows.filter((row) => row.environmentId === production && now.getTime() - row.startedAt.getTime() < 7 * DAY);
  await tx.notification.createMany({
    data: changeManagers.flatMap((person) =>
      recent.map((row) => ({
        id: randomUUID(), personId: person.id, kind: "deployment.production",
        title: `${slugById.get(row.serviceId)} ${row.version} to production: ${row.status.toLowerCase().replace("_", " ")}${row.isRollback ? " (rollback)" : ""}`,
        body: `Deployed by ${row.deployer}.`, href: `/deployments/${row.id}`, createdAt: row.finishedAt ?? row.startedAt,
        // Older than a day counts as already read.
        readAt: now.getTime() - row.startedAt.getTime() > DAY ? now : null,
      })),
    ),
  });
  await tx.deploymentCommit.createMany({ data: commits });
  await tx.deploymentHealthCheck.createMany({ data: checks });
  // Audited as the pipelines reported them: each deployment (and a rollback's revert), then its checks.
  const slugOf = (id: string) => slugById.get(id)!;
  const envSlug = new Map(environments.map((environment) => [environment.id, environment.slug]));
  const serviceOf = new Map(rows.map((row) => [row.id, row.serviceId]));
  const commitCount = new Map<string, number>();
  for (const commit of commits) commitCount.set(commit.deploymentId, (commitCount.get(commit.deploymentId) ?? 0) + 1);
  await recordAuditEvents(tx, [
    ...rows.flatMap((row) => reportEvents(pipelines.get(row.serviceId)!, { ...row, status: reported.get(row.id)!, service: slugOf(row.serviceId), environment: envSlug.get(row.environmentId)!, commits: commitCount.get(row.id) ?? 0 })),
    ...checks.map((check) => healthCheckEvent(pipelines.get(serviceOf.get(check.deploymentId)!)!, check)),
  ]);
}
