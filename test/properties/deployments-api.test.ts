// Property: POST /api/v1/deployments, POST /api/v1/deployments/{id}/health-checks and
// GET /api/v1/deployments never fail unexpectedly (a 500) on hostile input, and write nothing when they
// refuse it. Each call goes to the use case the route calls, with a real token, against real PostgreSQL.
import fc from "fast-check";
import { beforeAll, describe, it } from "vitest";
import { createEnvironments, createService } from "../../prisma/seed/factories";
import { actorForBearerToken } from "../../lib/auth/api-tokens";
import type { Actor } from "../../lib/auth/actor";
import { listDeploymentsForApi } from "../../lib/deployments/list-deployments";
import { reportDeployment } from "../../lib/deployments/report-deployment";
import { reportHealthCheck } from "../../lib/deployments/report-health-check";
import { createApiToken } from "../../lib/tokens/create-api-token";
import { cliTestActor, testDb } from "../helpers";
import { expectAnswerNot5xx, field, hostileBody, hostileObject, hostileQuery, hostileText, param, PROPERTY_TIMEOUT_MS, runOptions, Tally, validObject, wrongType, type Field } from "./hostile-input";

const db = testDb;
let service: { id: string; slug: string };
let otherService: { slug: string };
let pipeline: Actor & { kind: "TOKEN" };
let deploymentId: string;

beforeAll(async () => {
  await createEnvironments(db());
  service = await createService(db());
  otherService = await createService(db());
  const token = await createApiToken(db(), cliTestActor(), { service: service.slug, name: "fuzz", scopes: ["deployments:write", "health:write"] });
  pipeline = (await actorForBearerToken(token.secret)) as Actor & { kind: "TOKEN" };
  const first = await reportDeployment(db(), pipeline, {
    service: service.slug, environment: "staging", version: "0.0.1", externalId: "fuzz-base", status: "started", startedAt: "2026-11-20T10:00:00Z",
  });
  deploymentId = first.id;
});

/** What a refused request must leave untouched: the service's deployments and the token's audit trail. */
const written = () => db().$queryRaw<{ deployments: number; commits: number; checks: number; flags: number; audit: number }[]>`
  SELECT (SELECT count(*)::int FROM "Deployment" WHERE "serviceId" = ${service.id}) AS deployments,
         (SELECT count(*)::int FROM "DeploymentCommit" c JOIN "Deployment" d ON d.id = c."deploymentId" WHERE d."serviceId" = ${service.id}) AS commits,
         (SELECT count(*)::int FROM "DeploymentHealthCheck" h JOIN "Deployment" d ON d.id = h."deploymentId" WHERE d."serviceId" = ${service.id}) AS checks,
         (SELECT count(*)::int FROM "DeploymentFlag" f JOIN "Deployment" d ON d.id = f."deploymentId" WHERE d."serviceId" = ${service.id}) AS flags,
         (SELECT count(*)::int FROM "AuditEvent" WHERE "actorId" = ${pipeline.id}) AS audit`;

const between = (min: string, max: string) => fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true }).map((date) => date.toISOString());
const instant = between("2026-01-01T00:00:00Z", "2026-12-31T00:00:00Z");
const startedAt = between("2026-01-01T00:00:00Z", "2026-06-30T00:00:00Z");
const finishedAt = between("2026-07-01T00:00:00Z", "2026-12-31T00:00:00Z");
const sha = fc.stringMatching(/^[0-9a-f]{7,40}$/);
/** Mostly the token's own service; sometimes another one (403) or none (422). */
const slugOf = () => fc.oneof({ weight: 8, arbitrary: fc.constant(service.slug) }, { weight: 1, arbitrary: fc.constantFrom(otherService.slug, "no-such-service") });

const commitFields = () => ({
  sha: field(sha),
  committedAt: field(instant, "date"),
  message: field(fc.option(fc.string({ maxLength: 40 }), { nil: undefined })),
  author: field(fc.option(fc.string({ maxLength: 20 }), { nil: undefined })),
});
/** Clean commits; or a list with hostile commit objects or items that are no commit at all. */
const commits = (): Field => ({
  valid: fc.array(validObject(commitFields()), { maxLength: 4 }),
  hostile: fc.oneof(fc.array(hostileObject(commitFields()), { minLength: 1, maxLength: 3 }), fc.array(fc.oneof(sha, hostileText, wrongType), { minLength: 1, maxLength: 3 }), wrongType),
});

const deploymentBody = () =>
  hostileBody({
    service: field(slugOf()),
    environment: field(fc.constantFrom("production", "staging")),
    version: field(fc.stringMatching(/^\d\.\d{1,2}\.\d$/)),
    externalId: field(fc.uuid()),
    status: field(fc.constantFrom("started", "succeeded", "failed", "rolled_back")),
    startedAt: field(startedAt, "date"),
    finishedAt: field(fc.option(finishedAt, { nil: undefined }), "date"),
    commits: commits(),
    pipelineUrl: field(fc.option(fc.webUrl(), { nil: undefined })),
    deployer: field(fc.option(fc.string({ maxLength: 20 }), { nil: undefined })),
  });

describe("hostile input to the deployments API", () => {
  it("POST /deployments answers or refuses with a 4xx, and a refusal writes nothing", async () => {
    const tally = new Tally();
    await fc.assert(
      fc.asyncProperty(deploymentBody(), (body) => expectAnswerNot5xx(() => reportDeployment(db(), pipeline, body), written, tally)),
      runOptions(),
    );
    tally.expectBothPaths();
  }, PROPERTY_TIMEOUT_MS);

  it("POST /deployments/{id}/health-checks answers or refuses with a 4xx, and a refusal writes nothing", async () => {
    const id = fc.oneof({ weight: 3, arbitrary: fc.constant(deploymentId) }, { weight: 1, arbitrary: fc.uuid() }, { weight: 2, arbitrary: hostileText });
    const body = hostileBody({
      name: field(fc.string({ minLength: 1, maxLength: 20 })),
      status: field(fc.constantFrom("pass", "fail")),
      details: field(fc.option(fc.string({ maxLength: 60 }), { nil: undefined })),
      checkedAt: field(fc.option(instant, { nil: undefined }), "date"),
    });
    const tally = new Tally();
    await fc.assert(
      fc.asyncProperty(id, body, (deployment, input) => expectAnswerNot5xx(() => reportHealthCheck(db(), pipeline, deployment, input), written, tally)),
      runOptions(),
    );
    tally.expectBothPaths();
  }, PROPERTY_TIMEOUT_MS);

  it("GET /deployments?… answers or refuses with a 4xx", async () => {
    const query = hostileQuery({
      service: param(slugOf()),
      environment: param(fc.constantFrom("production", "staging")),
      limit: param(fc.integer({ min: 1, max: 200 }).map(String), fc.oneof(hostileText, fc.constantFrom("0", "-1", "201", "1e400", "2.5", "9007199254740993"))),
    });
    const tally = new Tally();
    await fc.assert(fc.asyncProperty(query, (input) => expectAnswerNot5xx(() => listDeploymentsForApi(db(), pipeline, input), written, tally)), runOptions());
    tally.expectBothPaths();
  }, PROPERTY_TIMEOUT_MS);
});
