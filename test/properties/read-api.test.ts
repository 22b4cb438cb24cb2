// Property: the GET routes of /api/v1 that take input in their path or query (audit export, evidence
// pack, runbook lookup, who is on call) never fail unexpectedly (a 500) on hostile input, and write
// nothing when they refuse it. The export's body is read to its end: its queries run while it streams.
import fc from "fast-check";
import { beforeAll, describe, it } from "vitest";
import { createEnvironments, createPerson, createService, createTeam } from "../../prisma/seed/factories";
import { createRunbookWithHistory } from "../../prisma/seed/runbook-factories";
import { actorForBearerToken } from "../../lib/auth/api-tokens";
import type { Actor } from "../../lib/auth/actor";
import { exportAuditEvents } from "../../lib/audit/export-audit-events";
import { buildEvidencePack } from "../../lib/changes/evidence-pack";
import { raiseChange } from "../../lib/changes/raise-change";
import { onCallForApi } from "../../lib/oncall/oncall-for-api";
import { lookupRunbook } from "../../lib/runbooks/lookup-runbook";
import { createApiToken } from "../../lib/tokens/create-api-token";
import { actorFor, cliTestActor, testDb } from "../helpers";
import { expectAnswerNot5xx, hostileDate, hostileQuery, hostileText, param, PROPERTY_TIMEOUT_MS, runOptions, Tally } from "./hostile-input";

const db = testDb;
const ALERT = "CheckoutLatencyHigh";
let service: { id: string; slug: string };
let auditor: Actor & { kind: "TOKEN" };
let responder: Actor & { kind: "TOKEN" };
let changeId: string;

beforeAll(async () => {
  await createEnvironments(db());
  const team = await createTeam(db());
  service = await createService(db(), { teamId: team.id });
  await createRunbookWithHistory(db(), { serviceId: service.id, title: "Latency", alertNames: [ALERT], revisions: [{ body: "Scale out.", summary: "x" }] });
  const engineer = actorFor(await createPerson(db(), { role: "ENGINEER", teams: [{ teamId: team.id }] }));
  changeId = (await raiseChange(db(), engineer, {
    type: "NORMAL", service: service.slug, environment: "production", version: "1.0.0", summary: "Fuzzed change",
    implementationPlan: "Deploy.", rollbackPlan: "Roll back.",
  })).id;
  const audit = await createApiToken(db(), cliTestActor(), { service: service.slug, name: "fuzz-audit", scopes: ["audit:read"] });
  auditor = (await actorForBearerToken(audit.secret)) as Actor & { kind: "TOKEN" };
  const alerting = await createApiToken(db(), cliTestActor(), { service: service.slug, name: "fuzz-alerts", scopes: ["runbooks:read", "oncall:read"] });
  responder = (await actorForBearerToken(alerting.secret)) as Actor & { kind: "TOKEN" };
});

/** Reads write nothing; a refusal must not either (no audit event by the caller). */
const written = async () => ({ audit: await db().auditEvent.count({ where: { actorId: { in: [auditor.id, responder.id] } } }) });

const day = fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2026-12-31T00:00:00Z"), noInvalidDate: true }).map((date) => date.toISOString());
const pathText = fc.oneof({ weight: 3, arbitrary: hostileText }, { weight: 1, arbitrary: fc.webSegment() });

describe("hostile input to the read API", () => {
  it("GET /audit/export?… answers or refuses with a 4xx, and its body streams to the end", async () => {
    const query = hostileQuery({
      format: param(fc.constantFrom("csv", "json")),
      from: param(day, fc.oneof(hostileDate, hostileText)),
      to: param(day, fc.oneof(hostileDate, hostileText)),
      entityType: param(fc.constantFrom("Deployment", "ChangeRequest", "Service")),
      entityId: param(fc.constant(changeId)),
      actor: param(fc.constantFrom("cli:test", "token")),
      action: param(fc.constantFrom("change.raise", "deployment.report")),
      service: param(fc.constant(service.slug)),
      team: param(fc.constantFrom("checkout", "payments")),
    });
    const tally = new Tally();
    const exportAll = async (input: Record<string, string>) => {
      const file = await exportAuditEvents(db(), auditor, input);
      return new Response(file.body).text();
    };
    await fc.assert(fc.asyncProperty(query, (input) => expectAnswerNot5xx(() => exportAll(input), written, tally)), runOptions());
    tally.expectBothPaths();
  }, PROPERTY_TIMEOUT_MS);

  it("GET /changes/{id}/evidence answers or refuses with a 4xx", async () => {
    const id = fc.oneof({ weight: 1, arbitrary: fc.constant(changeId) }, { weight: 3, arbitrary: pathText });
    const tally = new Tally();
    await fc.assert(fc.asyncProperty(id, (input) => expectAnswerNot5xx(() => buildEvidencePack(db(), auditor, input), written, tally)), runOptions());
    tally.expectBothPaths();
  }, PROPERTY_TIMEOUT_MS);

  it("GET /runbooks/lookup?service&alert answers or refuses with a 4xx", async () => {
    const query = hostileQuery({ service: param(fc.constant(service.slug)), alert: param(fc.constantFrom(ALERT, "OtherAlert")) });
    const tally = new Tally();
    await fc.assert(
      fc.asyncProperty(query, (input) =>
        expectAnswerNot5xx(() => lookupRunbook(db(), responder, { service: input.service ?? null, alert: input.alert ?? null }), written, tally),
      ),
      runOptions(),
    );
    tally.expectBothPaths();
  }, PROPERTY_TIMEOUT_MS);

  it("GET /services/{slug}/oncall answers or refuses with a 4xx", async () => {
    const slug = fc.oneof({ weight: 1, arbitrary: fc.constant(service.slug) }, { weight: 3, arbitrary: pathText });
    const tally = new Tally();
    await fc.assert(fc.asyncProperty(slug, (input) => expectAnswerNot5xx(() => onCallForApi(db(), responder, input), written, tally)), runOptions());
    tally.expectBothPaths();
  }, PROPERTY_TIMEOUT_MS);
});
