// Property: POST /api/v1/changes/gate never fails unexpectedly (a 500) on hostile input, and writes
// nothing (no decision, no standard change, no audit event) when it refuses it. The service has earned
// standard changes, so valid questions reach every write the gate makes.
import fc from "fast-check";
import { beforeAll, describe, it } from "vitest";
import { createDeploymentHistory, createPattern } from "../../prisma/seed/change-factories";
import { createEnvironments, createService, createTeam } from "../../prisma/seed/factories";
import { actorForBearerToken } from "../../lib/auth/api-tokens";
import type { Actor } from "../../lib/auth/actor";
import { gateDecision } from "../../lib/changes/gate";
import { createApiToken } from "../../lib/tokens/create-api-token";
import { cliTestActor, testDb } from "../helpers";
import { expectAnswerNot5xx, field, hostileBody, hostileObject, hostileText, PROPERTY_TIMEOUT_MS, runOptions, Tally, validObject, wrongType, type Field } from "./hostile-input";

const db = testDb;
const NOW = new Date("2026-11-24T10:00:00Z");
let service: { id: string; slug: string };
let pipeline: Actor & { kind: "TOKEN" };

beforeAll(async () => {
  const [, , production] = await createEnvironments(db());
  const team = await createTeam(db());
  service = await createService(db(), { teamId: team.id, tier: "TIER_4" });
  await createDeploymentHistory(db(), {
    serviceId: service.id, environmentId: production!.id, now: NOW,
    entries: Array.from({ length: 6 }, (_, index) => ({ status: "SUCCEEDED" as const, daysAgo: index + 1, requiredChecksStatus: "PASSED" as const })),
  });
  // The on-call rule makes the gate compute shifts at the planned time, extreme dates included.
  await createPattern(db(), {
    name: `Fuzz ${service.slug}`, serviceIds: [service.id], environmentIds: [production!.id],
    rules: [{ kind: "track-record", count: 5, days: 30 }, { kind: "automated-pipeline" }, { kind: "outside-freeze" }, { kind: "on-call" }],
  });
  const token = await createApiToken(db(), cliTestActor(), { service: service.slug, name: "fuzz", scopes: ["gate:read"] });
  pipeline = (await actorForBearerToken(token.secret)) as Actor & { kind: "TOKEN" };
});

const written = async () => ({
  decisions: await db().gateDecision.count({ where: { serviceId: service.id } }),
  changes: await db().changeRequest.count({ where: { serviceId: service.id } }),
  audit: await db().auditEvent.count({ where: { actorId: pipeline.id } }),
});

const sha = fc.stringMatching(/^[0-9a-f]{7,40}$/);
const instant = fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true }).map((date) => date.toISOString());
const commitFields = () => ({
  sha: field(sha),
  committedAt: field(fc.option(instant, { nil: undefined }), "date"),
  message: field(fc.option(fc.string({ maxLength: 40 }), { nil: undefined })),
});
/** Bare shas and commit objects (item 13: the report's list), or lists with hostile items. */
const commits = (): Field => ({
  valid: fc.option(fc.array(fc.oneof(sha, validObject(commitFields())), { maxLength: 4 }), { nil: undefined }),
  hostile: fc.oneof(fc.array(hostileObject(commitFields()), { minLength: 1, maxLength: 3 }), fc.array(fc.oneof(hostileText, wrongType), { minLength: 1, maxLength: 3 }), wrongType),
});

describe("hostile input to the gate", () => {
  it("POST /changes/gate answers or refuses with a 4xx, and a refusal writes nothing", async () => {
    const body = hostileBody({
      service: field(fc.constantFrom(service.slug, service.slug, service.slug, "no-such-service")),
      environment: field(fc.constantFrom("production", "production", "staging")),
      version: field(fc.stringMatching(/^\d\.\d{1,2}\.\d$/)),
      commits: commits(),
      plannedAt: field(fc.option(instant, { nil: undefined }), "date"),
    });
    const tally = new Tally();
    await fc.assert(
      fc.asyncProperty(body, (input) => expectAnswerNot5xx(() => gateDecision(db(), pipeline, input, "http://portal.test", NOW), written, tally)),
      runOptions(),
    );
    tally.expectBothPaths();
  }, PROPERTY_TIMEOUT_MS);
});
