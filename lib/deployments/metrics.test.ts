// The metrics page's data against real PostgreSQL: reads production deployments of the scope in the period.
import { beforeAll, describe, expect, it } from "vitest";
import { createEnvironments, createService, createTeam } from "../../prisma/seed/factories";
import { cliTestActor, testDb } from "../../test/helpers";
import { metricsReport } from "./metrics";
import { reportDeployment } from "./report-deployment";

const db = testDb;
const H = 3_600_000;
const now = new Date("2026-11-26T12:00:00Z");
const ago = (hours: number) => new Date(now.getTime() - hours * H).toISOString();

beforeAll(async () => {
  await createEnvironments(db());
});

describe("metricsReport", () => {
  it("computes DORA for a team's production deployments in the period, per service and in weekly points", async () => {
    const team = await createTeam(db());
    const service = await createService(db(), { teamId: team.id, deploymentTarget: "WEEKLY" });
    const other = await createService(db(), { teamId: team.id, deploymentTarget: "DAILY" });
    const send = (slug: string, n: number, status: "succeeded" | "failed", finishedHoursAgo: number, firstCommitHoursAgo: number, environment = "production") =>
      reportDeployment(db(), cliTestActor(), {
        service: slug, environment, version: `v${n}`, externalId: `run-${n}`, status,
        startedAt: ago(finishedHoursAgo + 0.25), finishedAt: ago(finishedHoursAgo),
        commits: [{ sha: `abcdef${n}0`.padEnd(8, "0"), committedAt: ago(firstCommitHoursAgo) }],
      });
    await send(service.slug, 1, "succeeded", 100, 110); // lead 10 h
    await send(service.slug, 2, "failed", 50, 60);
    await send(service.slug, 3, "succeeded", 48, 78); // lead 30 h, restores after 2 h
    await send(service.slug, 4, "succeeded", 10, 20, "staging"); // not production
    await send(service.slug, 5, "succeeded", 24 * 40, 24 * 41); // outside a 30-day period
    await send(other.slug, 6, "succeeded", 5, 7); // lead 2 h

    const report = await metricsReport(db(), { kind: "team", slug: team.slug }, 30, now);
    expect(report!.label).toBe(`${team.name} team`);
    expect(report!.metrics).toMatchObject({ deployments: 3, failures: 1, changeFailureRate: 0.25, leadTimeMedianMs: 10 * H, timeToRestoreMedianMs: 2 * H });
    const byService = Object.fromEntries(report!.services.map((s) => [s.service.slug, s.metrics]));
    expect(byService[service.slug]).toMatchObject({ deployments: 2, leadTimeMedianMs: 20 * H, meetsTarget: false });
    expect(byService[other.slug]).toMatchObject({ deployments: 1, leadTimeMedianMs: 2 * H });
    expect(report!.trend.reduce((sum, point) => sum + point.deployments, 0)).toBe(3);
    expect(await metricsReport(db(), { kind: "team", slug: "no-such-team" }, 30, now)).toBeNull();
  });
});
