// PagerDuty Events API v2 events against the run's real PostgreSQL, with the events from PagerDuty's
// documentation (test/fixtures/alert-payloads.ts): PagerDuty's dedup rules, replays, a generated
// dedup_key, acknowledge/resolve of unknown keys, and invalid events refused with nothing written.
import { beforeAll, describe, expect, it } from "vitest";
import { createService, createTeam } from "../../../prisma/seed/factories";
import { PAGERDUTY_DOC_ACKNOWLEDGE, PAGERDUTY_DOC_RESOLVE, PAGERDUTY_DOC_TRIGGER } from "../../../test/fixtures/alert-payloads";
import { testDb, tokenActor } from "../../../test/helpers";
import { AppError } from "../../errors";
import { ingestPagerDuty } from "./ingest-pagerduty";

const db = testDb;
const NOW = new Date("2026-12-03T10:00:00Z");
let token: ReturnType<typeof tokenActor>;
let n = 0;
const key = () => `pd-${Date.now()}-${(n += 1)}`;
const trigger = (dedup_key: string | undefined, payload: Partial<Omit<typeof PAGERDUTY_DOC_TRIGGER.payload, "custom_details">> & { custom_details?: unknown } = {}) => ({ ...PAGERDUTY_DOC_TRIGGER, dedup_key, payload: { ...PAGERDUTY_DOC_TRIGGER.payload, ...payload } });
const incidentsOf = (dedupKey: string) => db().incident.findMany({ where: { dedupKey, source: "PAGERDUTY" }, orderBy: { number: "asc" }, select: { id: true, status: true, impact: true, title: true, triggeredAt: true, acknowledgedAt: true } });
const counts = async () => ({ incidents: await db().incident.count(), alerts: await db().incidentAlert.count(), timeline: await db().incidentTimelineEntry.count(), audit: await db().auditEvent.count() });

beforeAll(async () => {
  const team = await createTeam(db());
  const service = await createService(db(), { teamId: team.id });
  token = tokenActor({ scopes: ["incidents:write"], serviceId: service.id });
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("PagerDuty's dedup rules", () => {
  it("opens an incident from the documented trigger, with its details, links and images on the timeline", async () => {
    const dedupKey = key();
    const result = await ingestPagerDuty(db(), token, trigger(dedupKey), NOW);
    expect(result).toMatchObject({ dedupKey, outcome: "opened" });
    const [incident] = await incidentsOf(dedupKey);
    // info → LOW; started at the event's own timestamp (+0000 offset, as PagerDuty's example writes it).
    expect(incident).toMatchObject({ status: "TRIGGERED", impact: "LOW", title: "Example alert on host1.example.com", triggeredAt: new Date("2015-07-17T08:42:58.315Z") });
    const timeline = await db().incidentTimelineEntry.findMany({ where: { incidentId: incident!.id }, select: { message: true, url: true } });
    expect(timeline).toEqual(expect.arrayContaining([
      expect.objectContaining({ message: expect.stringContaining('From Sample Monitoring Service: source monitoringtool:cloudvendor:central-region-dc-01:852559987:cluster/api-stats-prod-003 · component postgres · group prod-datapipe · class deploy; details {"ping time":"1500ms","load avg":0.75}'), url: "https://monitoring.example.com" }),
      { message: "Link: Link text", url: "https://example.com/" },
      { message: "Image: Example text", url: "https://example.com/" },
    ]));
  });

  it("adds a trigger with the open incident's dedup_key to it; a replay writes nothing", async () => {
    const dedupKey = key();
    await ingestPagerDuty(db(), token, trigger(dedupKey), NOW);
    const before = await counts();
    expect((await ingestPagerDuty(db(), token, trigger(dedupKey), NOW)).outcome).toBe("unchanged");
    expect(await counts()).toEqual(before);
    expect((await ingestPagerDuty(db(), token, trigger(dedupKey, { summary: "Worse on host1.example.com", severity: "critical" }), NOW)).outcome).toBe("updated");
    expect(await incidentsOf(dedupKey)).toHaveLength(1);
    const alert = await db().incidentAlert.findFirstOrThrow({ where: { fingerprint: dedupKey }, select: { summary: true, severity: true } });
    expect(alert).toEqual({ summary: "Worse on host1.example.com", severity: "critical" });
  });

  it("acknowledges and resolves the open incident of the key; a trigger after the resolve opens a new incident", async () => {
    const dedupKey = key();
    await ingestPagerDuty(db(), token, trigger(dedupKey), NOW);
    expect((await ingestPagerDuty(db(), token, { ...PAGERDUTY_DOC_ACKNOWLEDGE, dedup_key: dedupKey }, NOW)).outcome).toBe("acknowledged");
    expect((await ingestPagerDuty(db(), token, { ...PAGERDUTY_DOC_ACKNOWLEDGE, dedup_key: dedupKey }, NOW)).outcome).toBe("unchanged");
    expect((await ingestPagerDuty(db(), token, { ...PAGERDUTY_DOC_RESOLVE, dedup_key: dedupKey }, NOW)).outcome).toBe("resolved");
    expect((await ingestPagerDuty(db(), token, { ...PAGERDUTY_DOC_RESOLVE, dedup_key: dedupKey }, NOW)).outcome).toBe("ignored");
    expect((await ingestPagerDuty(db(), token, trigger(dedupKey), NOW)).outcome).toBe("opened");
    expect((await incidentsOf(dedupKey)).map((incident) => incident.status)).toEqual(["RESOLVED", "TRIGGERED"]);
    const audit = await db().auditEvent.findMany({ where: { entityId: (await incidentsOf(dedupKey))[0]!.id }, select: { action: true } });
    expect(audit.map((event) => event.action).sort()).toEqual(["incident.acknowledge", "incident.declare", "incident.record-alerts", "incident.resolve"]);
  });

  it("accepts acknowledge and resolve of an unknown key and does nothing", async () => {
    const before = await counts();
    expect((await ingestPagerDuty(db(), token, PAGERDUTY_DOC_ACKNOWLEDGE, NOW)).outcome).toBe("ignored");
    expect((await ingestPagerDuty(db(), token, PAGERDUTY_DOC_RESOLVE, NOW)).outcome).toBe("ignored");
    expect(await counts()).toEqual(before);
  });

  it("generates a dedup_key for a trigger without one, so each such trigger is a new incident", async () => {
    const first = await ingestPagerDuty(db(), token, trigger(undefined), NOW);
    const second = await ingestPagerDuty(db(), token, trigger(undefined), NOW);
    expect(first.dedupKey).toMatch(/^[0-9a-f]{32}$/);
    expect(second.dedupKey).not.toBe(first.dedupKey);
    expect(second.incidentId).not.toBe(first.incidentId);
  });

  it("makes one incident from concurrent triggers of one key", async () => {
    const dedupKey = key();
    const results = await Promise.all([0, 1, 2, 3].map(() => ingestPagerDuty(db(), token, trigger(dedupKey), NOW)));
    expect(results.filter((result) => result.outcome === "opened")).toHaveLength(1);
    expect(await incidentsOf(dedupKey)).toHaveLength(1);
  });
});

describe("invalid events", () => {
  const cases: [string, unknown, string][] = [
    ["a trigger without payload", { routing_key: "k", event_action: "trigger", dedup_key: "x" }, "payload"],
    ["a blank summary", trigger("x", { summary: "  " }), "payload.summary"],
    ["an unknown severity", trigger("x", { severity: "fatal" }), "payload.severity"],
    ["an unknown event_action", { ...PAGERDUTY_DOC_TRIGGER, event_action: "explode" }, "event_action"],
    ["a resolve without dedup_key", { routing_key: "k", event_action: "resolve" }, "dedup_key"],
    ["a NUL byte in the summary", trigger("x", { summary: "bad\u0000" }), "payload.summary"],
    ["a NUL byte deep in custom_details", trigger("x", { custom_details: { a: { b: ["ok", "no\u0000"] } } }), "payload.custom_details.a.b.1"],
    ["a summary over 1,024 characters", trigger("x", { summary: "s".repeat(1025) }), "payload.summary"],
    ["a dedup_key that is a number", { ...PAGERDUTY_DOC_TRIGGER, dedup_key: 42 }, "dedup_key"],
    ["a javascript: link", { ...PAGERDUTY_DOC_TRIGGER, links: [{ href: "javascript:alert(1)" }] }, "links.0.href"],
  ];
  for (const [what, event, path] of cases) {
    it(`refuses ${what} on ${path}, writing nothing`, async () => {
      const before = await counts();
      const error = await rejection(ingestPagerDuty(db(), token, event, NOW));
      expect(error.code).toBe("VALIDATION");
      expect(Object.keys(error.fieldErrors)).toContain(path);
      expect(await counts()).toEqual(before);
    });
  }
});
