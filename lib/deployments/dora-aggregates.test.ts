// The DORA aggregates computed in SQL must give exactly what dora.ts computes from the deployment rows
// themselves, for every scope and period, after status updates and deletes; the page's snapshot of a
// large scope serves the same figures for a minute, then refreshes. The data lives in 2031 so other
// test files' deployments (2026) stay out of it.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDomain, createEnvironments, createService, createTeam } from "../../prisma/seed/factories";
import { createIncident } from "../../prisma/seed/incident-factories";
import { testDb } from "../../test/helpers";
import type { DeploymentStatus } from "../generated/prisma/enums.ts";
import { doraMetrics, weeklyTrend } from "./dora";
import { metricsReport } from "./metrics";
import { clearMetricsSnapshots, metricsForPage, SNAPSHOT_MAX_AGE_MS } from "./metrics-snapshot";
import { deploymentsForMetrics, incidentsForMetrics, type MetricsScope } from "./queries";

const prisma = testDb();
afterAll(() => prisma.$disconnect());

const H = 3_600_000;
const DAY = 24 * H;
const NOW = new Date("2031-06-15T13:37:21.500Z");

/** Small deterministic PRNG (mulberry32), so a failure reproduces. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let envs: { production: string; staging: string };
let domainSlug: string;
let teamSlug: string;
let serviceSlugs: string[];

async function reference(scope: MetricsScope, days: number) {
  const period = { from: new Date(NOW.getTime() - days * DAY), to: NOW };
  const scoped = (await deploymentsForMetrics(prisma, scope, period))!;
  const byService = new Map<string, typeof scoped.deployments>();
  for (const d of scoped.deployments) byService.set(d.serviceId, [...(byService.get(d.serviceId) ?? []), d]);
  const single = scope.kind === "service" ? scoped.services[0] : undefined;
  // Incidents of the scope: once each for the scope, per affected service for each service.
  const incidents = await incidentsForMetrics(prisma, scope.kind === "organisation" ? null : scoped.services.map((s) => s.id), period);
  const distinct = [...new Map(incidents.map((incident) => [incident.id, incident])).values()];
  return {
    metrics: doraMetrics(scoped.deployments, period, single?.deploymentTarget ?? null, distinct),
    trend: weeklyTrend(scoped.deployments, period),
    services: scoped.services.map((s) => ({
      slug: s.slug,
      metrics: doraMetrics(byService.get(s.id) ?? [], period, s.deploymentTarget, incidents.filter((incident) => incident.serviceId === s.id)),
    })),
  };
}

/** Rounds floats so percentile_cont in PostgreSQL and in JavaScript compare equal to the microsecond. */
const rounded = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "number" ? Math.round(v * 1e3) / 1e3 : v)));

async function expectSameAsReference(scope: MetricsScope, days: number) {
  const [computed, expected] = [await metricsReport(prisma, scope, days, NOW), await reference(scope, days)];
  expect(rounded(computed!.metrics)).toEqual(rounded(expected.metrics));
  expect(rounded(computed!.trend)).toEqual(rounded(expected.trend));
  expect(rounded(computed!.services.map((s) => ({ slug: s.service.slug, metrics: s.metrics })))).toEqual(rounded(expected.services));
  return expected;
}

const STATUSES: DeploymentStatus[] = ["SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "FAILED", "ROLLED_BACK", "STARTED"];

beforeAll(async () => {
  const environments = await createEnvironments(prisma);
  envs = {
    production: environments.find((e) => e.slug === "production")!.id,
    staging: environments.find((e) => e.slug === "staging")!.id,
  };
  const domain = await createDomain(prisma);
  const team = await createTeam(prisma, { domainId: domain.id });
  const otherTeam = await createTeam(prisma, { domainId: domain.id });
  domainSlug = domain.slug;
  teamSlug = team.slug;
  const services = [
    await createService(prisma, { teamId: team.id }),
    await createService(prisma, { teamId: team.id }),
    await createService(prisma, { teamId: otherTeam.id }),
  ];
  serviceSlugs = services.map((s) => s.slug);
  const next = random(42);
  // 600 deployments over the 100 days before NOW (and a few after it), every status, to production
  // and staging; some share an end time; some are still running.
  const rows = Array.from({ length: 600 }, (_, i) => {
    const service = services[i % services.length]!;
    const end = NOW.getTime() - Math.floor(next() * 100 * DAY) + (i % 50 === 0 ? 2 * DAY : 0);
    const tiedEnd = i % 37 === 0 ? Math.floor(end / H) * H : end;
    const status = STATUSES[Math.floor(next() * STATUSES.length)]!;
    const started = tiedEnd - Math.floor(next() * 40 * 60_000) - 60_000;
    return {
      id: randomUUID(), serviceId: service.id, environmentId: i % 5 === 0 ? envs.staging : envs.production,
      version: `v${i}`, externalId: `rollup-${i}`, status,
      startedAt: new Date(started), finishedAt: status === "STARTED" ? null : new Date(tiedEnd),
      firstCommitAt: i % 7 === 0 ? null : new Date(started - Math.floor(next() * 72 * H)),
    };
  });
  await prisma.deployment.createMany({ data: rows });
});

describe("the SQL aggregates agree with dora.ts over the same deployments", () => {
  it.each([1, 7, 30, 90])("for the organisation over %d days", async (days) => {
    const expected = await expectSameAsReference({ kind: "organisation" }, days);
    if (days >= 30) expect(expected.metrics.deployments).toBeGreaterThan(50);
  });

  it.each([7, 90])("for a domain, a team and a service over %d days", async (days) => {
    await expectSameAsReference({ kind: "domain", slug: domainSlug }, days);
    const team = await expectSameAsReference({ kind: "team", slug: teamSlug }, days);
    expect(team.services).toHaveLength(2);
    const service = await expectSameAsReference({ kind: "service", slug: serviceSlugs[0]! }, days);
    if (days === 90) {
      expect(service.metrics.timeToRestoreMedianMs).not.toBeNull();
      expect(service.metrics.leadTimeP90Ms).not.toBeNull();
    }
  });

  it("after status updates that move a deployment to another day, and deletes", async () => {
    const running = await prisma.deployment.findMany({ where: { status: "STARTED", service: { slug: { in: serviceSlugs } } }, select: { id: true, startedAt: true } });
    expect(running.length).toBeGreaterThan(5);
    for (const [i, d] of running.entries()) {
      // Finishes a day and a half later: it moves into a later day (and sometimes a later week).
      await prisma.deployment.update({
        where: { id: d.id },
        data: { status: i % 2 ? "SUCCEEDED" : "FAILED", finishedAt: new Date(d.startedAt.getTime() + 1.5 * DAY) },
      });
    }
    const victim = await prisma.deployment.findFirstOrThrow({ where: { status: "SUCCEEDED", service: { slug: serviceSlugs[1] } }, select: { id: true } });
    await prisma.$executeRaw`DELETE FROM "Deployment" WHERE id = ${victim.id}`;
    await expectSameAsReference({ kind: "organisation" }, 90);
    await expectSameAsReference({ kind: "team", slug: teamSlug }, 30);
  });

  it("with incidents: a deployment an incident names as its cause fails, and time to restore comes from the impact windows", async () => {
    const services = await prisma.service.findMany({ where: { slug: { in: serviceSlugs } }, select: { id: true, teamId: true, slug: true } });
    const [first, second] = [services.find((s) => s.slug === serviceSlugs[0])!, services.find((s) => s.slug === serviceSlugs[1])!];
    const succeeded = await prisma.deployment.findFirstOrThrow({
      where: { serviceId: first.id, environmentId: envs.production, status: "SUCCEEDED", finishedAt: { gte: new Date(NOW.getTime() - 20 * DAY), lt: NOW } },
      select: { id: true },
    });
    const before = (await metricsReport(prisma, { kind: "service", slug: first.slug }, 30, NOW))!.metrics;
    // One incident caused by that deployment, affecting both services, restored after 40 minutes; one restored
    // after 2 hours on the first service only; one still open since yesterday on the second.
    await createIncident(prisma, { services: [first, second], lostAt: new Date(NOW.getTime() - 5 * DAY), regainedAt: new Date(NOW.getTime() - 5 * DAY + 40 * 60_000), causeDeploymentId: succeeded.id });
    await createIncident(prisma, { services: [first], lostAt: new Date(NOW.getTime() - 3 * DAY), regainedAt: new Date(NOW.getTime() - 3 * DAY + 2 * H) });
    await createIncident(prisma, { services: [second], lostAt: new Date(NOW.getTime() - DAY), regainedAt: null });

    const service = await expectSameAsReference({ kind: "service", slug: first.slug }, 30);
    expect(service.metrics.failures).toBe(before.failures + 1);
    // Windows of 40 min and 2 h: median 80 min; nothing open on this service.
    expect(service.metrics.timeToRestoreMedianMs).toBe(80 * 60_000);
    expect(service.metrics.unrestored).toBe(0);
    const team = await expectSameAsReference({ kind: "team", slug: teamSlug }, 30);
    // The team's incidents, each once: 40 min and 2 h restored, one open.
    expect(team.metrics).toMatchObject({ timeToRestoreMedianMs: 80 * 60_000, unrestored: 1 });
    expect(team.services.find((s) => s.slug === second.slug)!.metrics).toMatchObject({ timeToRestoreMedianMs: 40 * 60_000, unrestored: 1 });
    await expectSameAsReference({ kind: "organisation" }, 30);
  });

  it("the page's snapshot of the organisation serves the same figures for a minute, then refreshes", async () => {
    await clearMetricsSnapshots(prisma);
    const first = await metricsForPage(prisma, { kind: "organisation" }, 30, NOW);
    const service = await createService(prisma);
    await prisma.deployment.create({
      data: {
        id: randomUUID(), serviceId: service.id, environmentId: envs.production, version: "late", externalId: "snapshot-late",
        status: "SUCCEEDED", startedAt: new Date(NOW.getTime() - 2 * H), finishedAt: new Date(NOW.getTime() - H), firstCommitAt: new Date(NOW.getTime() - 5 * H),
      },
      select: { id: true },
    });
    const withinAMinute = await metricsForPage(prisma, { kind: "organisation" }, 30, new Date(NOW.getTime() + 30_000));
    expect(withinAMinute!.metrics.deployments).toBe(first!.metrics.deployments);
    expect(withinAMinute!.computedAt).toEqual(NOW);
    // After a minute the stale snapshot is served once more while the next one is computed.
    const later = new Date(NOW.getTime() + SNAPSHOT_MAX_AGE_MS + 1_000);
    expect((await metricsForPage(prisma, { kind: "organisation" }, 30, later))!.metrics.deployments).toBe(first!.metrics.deployments);
    await vi.waitFor(async () => {
      const refreshed = await metricsForPage(prisma, { kind: "organisation" }, 30, later);
      expect(refreshed!.computedAt).toEqual(later);
      expect(refreshed!.metrics.deployments).toBe(first!.metrics.deployments + 1);
    });
    // A team is computed on every view.
    const team = await metricsForPage(prisma, { kind: "team", slug: teamSlug }, 30, NOW);
    expect(rounded(team!.metrics)).toEqual(rounded((await reference({ kind: "team", slug: teamSlug }, 30)).metrics));
  });
});
