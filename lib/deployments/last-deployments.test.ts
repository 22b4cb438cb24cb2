// The home's "last deployment" per service, against real PostgreSQL: the newest to any environment,
// ties broken by id, archived services and other teams left out.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createEnvironments, createService, createTeam } from "../../prisma/seed/factories";
import { testDb } from "../../test/helpers";
import { lastDeploymentsOfTeams } from "./queries";

const db = testDb;

describe("lastDeploymentsOfTeams", () => {
  beforeAll(async () => {
    await createEnvironments(db()).catch(() => undefined); // another file may have made them
  });

  it("gives each live service of the teams its newest deployment to any environment", async () => {
    const environments = await db().environment.findMany({ select: { id: true, slug: true, name: true } });
    const env = (slug: string) => environments.find((environment) => environment.slug === slug)!;
    const team = await createTeam(db());
    const other = await createTeam(db());
    const [busy, quiet, archived, elsewhere] = [
      await createService(db(), { teamId: team.id }), await createService(db(), { teamId: team.id }),
      await createService(db(), { teamId: team.id }), await createService(db(), { teamId: other.id }),
    ];
    await db().service.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    const deploy = (serviceId: string, environment: string, at: string, finished: string | null, version: string) =>
      db().deployment.create({ data: { id: randomBytes(8).toString("hex"), serviceId, environmentId: env(environment).id, version, externalId: `run-${randomBytes(5).toString("hex")}`, status: finished ? "SUCCEEDED" : "STARTED", startedAt: new Date(at), finishedAt: finished ? new Date(finished) : null }, select: { id: true } });
    await deploy(busy.id, "production", "2026-11-20T10:00:00Z", "2026-11-20T10:05:00Z", "1.0.0");
    await deploy(busy.id, "production", "2026-11-21T10:00:00Z", "2026-11-21T10:05:00Z", "1.1.0");
    const newest = await deploy(busy.id, "staging", "2026-11-22T09:00:00Z", null, "1.2.0");
    await deploy(archived.id, "production", "2026-11-22T09:00:00Z", null, "9.9.9");
    await deploy(elsewhere.id, "production", "2026-11-22T09:00:00Z", null, "8.8.8");

    const last = await lastDeploymentsOfTeams(db(), [team.id]);
    expect([...last.keys()]).toEqual([busy.id]);
    expect(last.get(busy.id)).toEqual({ id: newest.id, version: "1.2.0", status: "STARTED", environment: env("staging").name, at: new Date("2026-11-22T09:00:00Z") });
    expect(last.has(quiet.id)).toBe(false);
    expect((await lastDeploymentsOfTeams(db(), [team.id, other.id])).get(elsewhere.id)?.version).toBe("8.8.8");
    expect((await lastDeploymentsOfTeams(db(), [])).size).toBe(0);
  });
});
