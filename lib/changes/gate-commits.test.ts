// The gate takes the deployment report's commit list (issue 12 item 13): commit objects, bare shas, or both.
import { beforeAll, describe, expect, it } from "vitest";
import { createEnvironments, createService } from "../../prisma/seed/factories";
import { cliTestActor, testDb } from "../../test/helpers";
import { actorForBearerToken } from "../auth/api-tokens";
import type { Actor } from "../auth/actor";
import { reportDeployment } from "../deployments/report-deployment";
import type { AppError } from "../errors";
import { createApiToken } from "../tokens/create-api-token";
import { gateDecision } from "./gate";

const db = testDb;
let service: { id: string; slug: string };
let pipeline: Actor;

beforeAll(async () => {
  await createEnvironments(db());
  service = await createService(db());
  const token = await createApiToken(db(), cliTestActor(), { service: service.slug, name: "ci", scopes: ["gate:read", "deployments:write"] });
  pipeline = (await actorForBearerToken(token.secret))!;
});

const ask = (version: string, commits: unknown) => gateDecision(db(), pipeline, { service: service.slug, environment: "production", version, commits }, "http://portal.test");
const recorded = async (version: string) => (await db().gateDecision.findFirstOrThrow({ where: { serviceId: service.id, version }, select: { commitShas: true } })).commitShas;

describe("the gate's commits", () => {
  it("takes the report's commit objects, and the report takes the same list", async () => {
    const commits = [
      { sha: "C0FFEE1234", committedAt: "2026-11-23T10:00:00Z", message: "Faster basket", author: "Amara" },
      { sha: "beef5678", committedAt: "2026-11-23T11:00:00Z" },
    ];
    await ask("1.0.0", commits);
    expect(await recorded("1.0.0")).toEqual(["c0ffee1234", "beef5678"]);
    const report = await reportDeployment(db(), pipeline, { service: service.slug, environment: "production", version: "1.0.0", externalId: "gate-commits-1", status: "started", startedAt: "2026-11-24T10:00:00Z", commits });
    expect(report.created).toBe(true);
  });

  it("takes bare shas and objects without committedAt, mixed", async () => {
    await ask("1.0.1", ["abcd", { sha: "beef5678" }, { sha: "DEADBEEF", message: "Fix" }]);
    expect(await recorded("1.0.1")).toEqual(["abcd", "beef5678", "deadbeef"]);
  });

  it.each([
    ["an object's sha that is not hex", [{ sha: "not hex" }], "commits.0.sha", "A commit SHA is 7 to 64 hexadecimal characters."],
    ["an object without a sha", ["abcdef12", { message: "Fix" }], "commits.1.sha", "Give the commit SHA."],
    ["an object's date in year 0000", [{ sha: "abcdef12", committedAt: "0000-01-01T00:00:00Z" }], "commits.0.committedAt", "Give a date between 1970-01-01 and 9999-12-31 (UTC)."],
    ["a bare sha with a NUL", ["abcd\u0000"], "commits.0", "Remove the NUL character (U+0000): text cannot contain it."],
    ["a number", [42], "commits.0", "A commit is a sha or an object { sha, committedAt?, message? }, as the deployment report takes."],
  ])("refuses %s, naming the field", async (_, commits, field, message) => {
    const error = await ask("1.0.2", commits).then(() => null, (thrown: AppError) => thrown);
    expect(error).toMatchObject({ status: 422, fieldErrors: { [field]: [message] } });
  });
});
