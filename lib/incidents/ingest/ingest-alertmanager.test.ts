// Alertmanager deliveries against the run's real PostgreSQL, with the payload from the format's public
// documentation (test/fixtures/alert-payloads.ts): one incident per groupKey, alerts by fingerprint,
// replays that write nothing, a storm of 1,000 alerts, resolve when every alert resolved, a new incident
// after that, runbook links, and hostile input refused with field paths and nothing written.
import { beforeAll, describe, expect, it } from "vitest";
import { createService, createTeam } from "../../../prisma/seed/factories";
import { createRunbookWithHistory } from "../../../prisma/seed/runbook-factories";
import { alertmanagerPayload, alertStorm, ALERTMANAGER_DOC_PAYLOAD } from "../../../test/fixtures/alert-payloads";
import { personActor, testDb, tokenActor } from "../../../test/helpers";
import { AppError } from "../../errors";
import { ingestAlertmanager } from "./ingest-alertmanager";

const db = testDb;
const NOW = new Date("2023-02-06T13:30:00Z");
let service: { id: string; slug: string };
let other: { id: string; slug: string };
let token: ReturnType<typeof tokenActor>;
let key = 0;
const group = () => `{}:{alertname="ProbeFailure", run="${Date.now()}-${(key += 1)}"}`;

beforeAll(async () => {
  const team = await createTeam(db());
  service = await createService(db(), { teamId: team.id });
  other = await createService(db(), { teamId: team.id });
  token = tokenActor({ scopes: ["incidents:write"], serviceId: service.id });
  await createRunbookWithHistory(db(), { serviceId: service.id, title: "When the probe fails", alertNames: ["ProbeFailure"], revisions: [{ body: "# Probe\nCheck the load balancer.", summary: "first" }] });
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const counts = async () => ({
  incidents: await db().incident.count(),
  alerts: await db().incidentAlert.count(),
  timeline: await db().incidentTimelineEntry.count(),
  audit: await db().auditEvent.count(),
});
const incidentsOf = (groupKey: string) => db().incident.findMany({ where: { dedupKey: groupKey }, orderBy: { number: "asc" }, select: { id: true, status: true, impact: true, title: true, source: true, triggeredAt: true, resolvedAt: true } });
const timelineOf = (incidentId: string) => db().incidentTimelineEntry.findMany({ where: { incidentId }, orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }], select: { kind: true, message: true, url: true } });

describe("an Alertmanager group", () => {
  it("opens one incident from the documented payload, with annotations, generatorURL and the runbook on the timeline", async () => {
    const payload = { ...ALERTMANAGER_DOC_PAYLOAD, groupKey: group() };
    const result = await ingestAlertmanager(db(), token, payload, {}, NOW);
    expect(result.outcome).toBe("opened");
    const [incident] = await incidentsOf(payload.groupKey);
    // severity critical → the service's critical impact (HIGH by default); started when the alert did.
    expect(incident).toMatchObject({ status: "TRIGGERED", impact: "HIGH", source: "ALERTMANAGER", title: "BlackBox Probe Failure: https://server.example.org", triggeredAt: new Date("2023-02-06T13:08:45.828Z") });
    const timeline = await timelineOf(incident!.id);
    expect(timeline.map((entry) => entry.kind)).toEqual(["DECLARED", "ALERT", "ALERT"]);
    expect(timeline[1]!.message).toContain("ProbeFailure firing (critical): BlackBox Probe Failure: https://server.example.org — Instance https://server.example.org has been down");
    expect(timeline[1]!.url).toBe(ALERTMANAGER_DOC_PAYLOAD.alerts[0]!.generatorURL);
    expect(timeline[2]).toMatchObject({ message: "Runbook for ProbeFailure: When the probe fails", url: expect.stringMatching(new RegExp(`^/runbooks/${service.slug}/`)) });
    const alerts = await db().incidentAlert.findMany({ where: { incidentId: incident!.id }, select: { fingerprint: true, status: true, endsAt: true, severity: true } });
    expect(alerts).toEqual([{ fingerprint: "1a30ba71cca2921f", status: "FIRING", endsAt: null, severity: "critical" }]);
    const audit = await db().auditEvent.findMany({ where: { entityId: incident!.id }, select: { action: true } });
    expect(audit.map((event) => event.action).sort()).toEqual(["incident.declare", "incident.record-alerts"]);
    const events = await db().domainEvent.findMany({ where: { entityId: incident!.id }, select: { type: true } });
    expect(events.map((event) => event.type)).toEqual(["incident.triggered"]);
  });

  it("writes nothing for a replayed delivery (Alertmanager repeats a group every repeat_interval)", async () => {
    const payload = alertmanagerPayload(group());
    await ingestAlertmanager(db(), token, payload, {}, NOW);
    const before = await counts();
    const again = await ingestAlertmanager(db(), token, payload, {}, new Date(NOW.getTime() + 4 * 3_600_000));
    expect(again.outcome).toBe("unchanged");
    expect(await counts()).toEqual(before);
  });

  it("adds new alerts of the group to the open incident and resolves it when every alert has resolved", async () => {
    const groupKey = group();
    await ingestAlertmanager(db(), token, alertmanagerPayload(groupKey, [{ fingerprint: "a1" }]), {}, NOW);
    const joined = await ingestAlertmanager(db(), token, alertmanagerPayload(groupKey, [{ fingerprint: "a1" }, { fingerprint: "a2", labels: { alertname: "ProbeSlow", severity: "warning" } }]), {}, NOW);
    expect(joined).toMatchObject({ outcome: "updated", alerts: { changed: 1, firing: 2 } });
    const half = await ingestAlertmanager(db(), token, alertmanagerPayload(groupKey, [{ fingerprint: "a1", status: "resolved", endsAt: "2023-02-06T13:20:00Z" }, { fingerprint: "a2", labels: { alertname: "ProbeSlow", severity: "warning" } }]), {}, NOW);
    expect(half).toMatchObject({ outcome: "updated", alerts: { firing: 1 } });
    const done = await ingestAlertmanager(db(), token, alertmanagerPayload(groupKey, [{ fingerprint: "a2", status: "resolved", endsAt: "2023-02-06T13:25:00Z", labels: { alertname: "ProbeSlow", severity: "warning" } }]), {}, NOW);
    expect(done.outcome).toBe("resolved");
    const [incident] = await incidentsOf(groupKey);
    expect(incident).toMatchObject({ status: "RESOLVED", resolvedAt: new Date("2023-02-06T13:25:00Z") });
    const messages = (await timelineOf(incident!.id)).map((entry) => entry.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining("Alert ProbeSlow firing (warning)"), "Alert ProbeFailure resolved.", "Alert ProbeSlow resolved.", expect.stringContaining("marked the incident resolved: every alert of the group has resolved")]));
    // The resolved notification again, as Alertmanager sends it until it forgets the group: nothing.
    const before = await counts();
    expect((await ingestAlertmanager(db(), token, alertmanagerPayload(groupKey, [{ fingerprint: "a2", status: "resolved", endsAt: "2023-02-06T13:25:00Z" }]), {}, NOW)).outcome).toBe("ignored");
    expect(await counts()).toEqual(before);
  });

  it("opens a new incident when the group fires again after it resolved", async () => {
    const groupKey = group();
    await ingestAlertmanager(db(), token, alertmanagerPayload(groupKey), {}, NOW);
    await ingestAlertmanager(db(), token, alertmanagerPayload(groupKey, [{ status: "resolved", endsAt: "2023-02-06T13:20:00Z" }]), {}, NOW);
    const again = await ingestAlertmanager(db(), token, alertmanagerPayload(groupKey), {}, new Date(NOW.getTime() + 3_600_000));
    expect(again.outcome).toBe("opened");
    expect((await incidentsOf(groupKey)).map((incident) => incident.status)).toEqual(["RESOLVED", "TRIGGERED"]);
  });

  it("makes one incident and no duplicate alerts from a storm of 1,000 alerts, and notes the truncated ones once", async () => {
    const groupKey = group();
    const storm = { ...alertStorm(groupKey, 1000), truncatedAlerts: 250 };
    const first = await ingestAlertmanager(db(), token, storm, {}, NOW);
    expect(first).toMatchObject({ outcome: "opened", alerts: { changed: 1000, firing: 1000 } });
    const replayed = await ingestAlertmanager(db(), token, storm, {}, NOW);
    expect(replayed.outcome).toBe("unchanged");
    const incidents = await incidentsOf(groupKey);
    expect(incidents).toHaveLength(1);
    expect(await db().incidentAlert.count({ where: { incidentId: incidents[0]!.id } })).toBe(1000);
    const timeline = await timelineOf(incidents[0]!.id);
    // The first ten alerts by name, the rest counted, the runbook once, the truncation once.
    expect(timeline.filter((entry) => entry.message.includes("firing (critical)"))).toHaveLength(10);
    expect(timeline.map((entry) => entry.message)).toEqual(expect.arrayContaining(["…and 990 more alerts firing.", expect.stringContaining("left 250 more alerts of this group out")]));
    expect(timeline.filter((entry) => entry.message.startsWith("Runbook for"))).toHaveLength(1);
    const resolvedStorm = await ingestAlertmanager(db(), token, alertStorm(groupKey, 1000, "resolved"), {}, NOW);
    expect(resolvedStorm.outcome).toBe("resolved");
  });

  it("makes one incident from two concurrent first deliveries of a group", async () => {
    const groupKey = group();
    const results = await Promise.all([
      ingestAlertmanager(db(), token, alertmanagerPayload(groupKey, [{ fingerprint: "c1" }]), {}, NOW),
      ingestAlertmanager(db(), token, alertmanagerPayload(groupKey, [{ fingerprint: "c2" }]), {}, NOW),
      ingestAlertmanager(db(), token, alertmanagerPayload(groupKey, [{ fingerprint: "c1" }, { fingerprint: "c2" }]), {}, NOW),
    ]);
    expect(results.filter((result) => result.outcome === "opened")).toHaveLength(1);
    const incidents = await incidentsOf(groupKey);
    expect(incidents).toHaveLength(1);
    expect(await db().incidentAlert.count({ where: { incidentId: incidents[0]!.id } })).toBe(2);
  });

  it("takes a runbook_url annotation as the runbook link, and maps severities through the service's mapping", async () => {
    await db().service.update({ where: { id: other.id }, data: { errorAlertImpact: "HIGH" } });
    const otherToken = tokenActor({ scopes: ["incidents:write"], serviceId: other.id });
    const payload = alertmanagerPayload(group(), [{ labels: { alertname: "DiskFull", severity: "error" }, annotations: { runbook_url: "https://wiki.example.org/disk-full", summary: "Disk full" } }]);
    await ingestAlertmanager(db(), otherToken, payload, {}, NOW);
    const [incident] = await incidentsOf(payload.groupKey);
    expect(incident!.impact).toBe("HIGH");
    expect(await timelineOf(incident!.id)).toEqual(expect.arrayContaining([{ kind: "ALERT", message: "Runbook for DiskFull: https://wiki.example.org/disk-full", url: "https://wiki.example.org/disk-full" }]));
  });
});

describe("who may deliver", () => {
  it("a token reports for its own service only: another slug, or one that does not exist, is the same 403", async () => {
    const foreign = await rejection(ingestAlertmanager(db(), token, alertmanagerPayload(group()), { service: other.slug }, NOW));
    const unknown = await rejection(ingestAlertmanager(db(), token, alertmanagerPayload(group()), { service: "no-such-service" }, NOW));
    expect([foreign.code, unknown.code]).toEqual(["FORBIDDEN", "FORBIDDEN"]);
    expect(unknown.message).toBe(foreign.message);
  });

  it("a token without incidents:write is refused; a person names the service", async () => {
    expect((await rejection(ingestAlertmanager(db(), tokenActor({ scopes: ["incidents:read"], serviceId: service.id }), alertmanagerPayload(group()), {}, NOW))).code).toBe("FORBIDDEN");
    expect((await rejection(ingestAlertmanager(db(), personActor(), alertmanagerPayload(group()), {}, NOW))).fieldErrors.service).toBeDefined();
  });
});

describe("hostile deliveries", () => {
  const cases: [string, unknown, string][] = [
    ["a NUL byte in a label", alertmanagerPayload(group(), [{ labels: { alertname: "Probe\u0000Failure" } }]), "alerts.0.labels.alertname"],
    ["a NUL byte in a label name", alertmanagerPayload(group(), [{ labels: { "al\u0000ert": "x" } }]), "alerts.0.labels.al\u0000ert"],
    ["a huge label map", alertmanagerPayload(group(), [{ labels: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`l${i}`, "v"])) }]), "alerts.0.labels"],
    ["labels that are not text", alertmanagerPayload(group(), [{ labels: { alertname: 42 } }]), "alerts.0.labels.alertname"],
    ["alerts that are not a list", { ...ALERTMANAGER_DOC_PAYLOAD, groupKey: group(), alerts: "many" }, "alerts"],
    ["another payload version", { ...ALERTMANAGER_DOC_PAYLOAD, groupKey: group(), version: "3" }, "version"],
    ["a javascript: generatorURL", alertmanagerPayload(group(), [{ generatorURL: "javascript:alert(1)" }]), "alerts.0.generatorURL"],
    ["a startsAt that is no date", alertmanagerPayload(group(), [{ startsAt: "yesterday" }]), "alerts.0.startsAt"],
    ["a truncatedAlerts that is text", { ...ALERTMANAGER_DOC_PAYLOAD, groupKey: group(), truncatedAlerts: "many" }, "truncatedAlerts"],
    ["no groupKey", { ...ALERTMANAGER_DOC_PAYLOAD, groupKey: undefined }, "groupKey"],
  ];
  for (const [what, payload, path] of cases) {
    it(`refuses ${what} with a field error on ${path}, writing nothing`, async () => {
      const before = await counts();
      const error = await rejection(ingestAlertmanager(db(), token, payload, {}, NOW));
      expect(error.code).toBe("VALIDATION");
      expect(Object.keys(error.fieldErrors)).toContain(path);
      expect(await counts()).toEqual(before);
    });
  }
});
