// The alert ingest's SQL writer (alert-incident-sql.ts) held to the incident core: the same deliveries
// (an Alertmanager group firing, growing, resolving alert by alert and firing again; a PagerDuty key
// triggered, updated, acknowledged, resolved and triggered again; a storm of 1,000 alerts; a person
// delivering for a named service) go once through the SQL writer and once through the core's use cases
// (openIncident, moveIncident: writer "core"), each for its own service, and every row either writes
// (incidents, service links, timeline, alerts, audit events, domain events) must be equal field by
// field, with only ids, the service, the incident numbers and the write times told apart.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createPerson, createService, createTeam } from "../../../prisma/seed/factories";
import { createRunbookWithHistory } from "../../../prisma/seed/runbook-factories";
import { alertmanagerPayload, alertStorm, ALERTMANAGER_DOC_PAYLOAD, PAGERDUTY_DOC_TRIGGER } from "../../../test/fixtures/alert-payloads";
import { actorFor, testDb } from "../../../test/helpers";
import type { Actor } from "../../auth/actor";
import { ingestAlertmanager, type IngestWriter } from "./ingest-alertmanager";
import { ingestPagerDuty } from "./ingest-pagerduty";

const db = testDb;
const T0 = Date.parse("2023-02-06T13:30:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const run = randomBytes(4).toString("hex");

type Side = { writer: IngestWriter; service: { id: string; slug: string; name: string }; token: Actor; person: Actor };
const sides = {} as Record<IngestWriter, Side>;
let teamId: string;

beforeAll(async () => {
  const team = await createTeam(db());
  teamId = team.id;
  const person = actorFor(await createPerson(db(), { role: "ENGINEER", teams: [{ teamId }] }));
  for (const writer of ["sql", "core"] as const) {
    const service = await createService(db(), { teamId, slug: `cmp-${writer}-${run}`, name: `Compared ${writer} ${run}` });
    await createRunbookWithHistory(db(), { serviceId: service.id, title: "When the probe fails", alertNames: ["ProbeFailure"], revisions: [{ body: "# Probe", summary: "first" }] });
    // The same label on both sides: it is on the timeline and in the audit trail.
    const token: Actor = { kind: "TOKEN", id: `cmp-token-${writer}-${run}`, label: "token:alerting", scopes: ["incidents:write"], serviceId: service.id };
    sides[writer] = { writer, service, token, person };
  }
});

type Delivery = (side: Side) => Promise<unknown>;

const am = (payload: unknown, minutes: number, by: "token" | "person" = "token"): Delivery => (side) =>
  ingestAlertmanager(db(), side[by], payload, { writer: side.writer, service: by === "person" ? side.service.slug : null }, at(minutes));
const pd = (event: Record<string, unknown>, minutes: number): Delivery => (side) => ingestPagerDuty(db(), side.token, event, at(minutes), { writer: side.writer });

const probe = (fingerprint: string, instance: string, status: "firing" | "resolved", endsMinutes?: number) => ({
  fingerprint, status, labels: { alertname: "ProbeFailure", instance, severity: status === "firing" ? "critical" : "critical" },
  ...(endsMinutes === undefined ? {} : { endsAt: at(endsMinutes).toISOString() }),
});
const latency = (fingerprint: string, status: "firing" | "resolved", endsMinutes?: number) => ({
  fingerprint, status, labels: { alertname: "LatencyHigh", instance: "api", severity: "warning" },
  annotations: { summary: "p99 above 2 s", description: "p99 latency is 2.4 s", runbook_url: "https://wiki.example.org/latency" },
  ...(endsMinutes === undefined ? {} : { endsAt: at(endsMinutes).toISOString() }),
});

/** Runs each delivery on both sides, in turn, and expects the same answers (ids and numbers told apart). */
async function deliverBoth(deliveries: Delivery[]) {
  for (const delivery of deliveries) {
    const answers = [];
    for (const side of [sides.sql, sides.core]) answers.push(normalise(side, await delivery(side), await incidentIds(side)));
    expect(answers[0]).toEqual(answers[1]);
  }
}

const incidentIds = async (side: Side) =>
  (await db().incident.findMany({ where: { serviceId: side.service.id }, orderBy: { number: "asc" }, select: { id: true, number: true } }));

/**
 * A side's values with what must differ replaced by the same words on both sides: the service's id,
 * slug and name, the token and incident ids, and incident numbers by their order.
 */
function normalise(side: Side, value: unknown, incidents: { id: string; number: number }[]): unknown {
  const ordinal = new Map(incidents.map((incident, i) => [incident.number, `number#${i + 1}`]));
  const replacements: [string, string][] = [
    [side.service.id, "SERVICE-ID"], [side.service.slug, "SERVICE-SLUG"], [side.service.name, "SERVICE-NAME"],
    [side.token.kind === "TOKEN" ? side.token.id : "", "TOKEN-ID"],
    ...incidents.map((incident, i): [string, string] => [incident.id, `incident#${i + 1}`]),
  ];
  let text = JSON.stringify(value, (key, v) => (key === "number" && typeof v === "number" ? (ordinal.get(v) ?? v) : typeof v === "bigint" ? v.toString() : v));
  for (const [from, to] of replacements) if (from) text = text.split(from).join(to);
  return JSON.parse(text);
}

const omit = <T extends Record<string, unknown>>(row: T, keys: string[]) => Object.fromEntries(Object.entries(row).filter(([key]) => !keys.includes(key)));
const canonical = (rows: unknown[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** Every row written for a side's incidents, without the ids and write times that must differ. */
async function rowsOf(side: Side, source: "ALERTMANAGER" | "PAGERDUTY") {
  const incidents = await db().incident.findMany({ where: { serviceId: side.service.id, source }, orderBy: { number: "asc" } });
  const ids = incidents.map((incident) => incident.id);
  const written = {
    incidents: incidents.map((row) => omit(row, ["createdAt", "updatedAt"])),
    services: (await db().incidentService.findMany({ where: { incidentId: { in: ids } } })).map((row) => omit(row, ["createdAt"])),
    timeline: (await db().incidentTimelineEntry.findMany({ where: { incidentId: { in: ids } } })).map((row) => omit(row, ["id", "createdAt"])),
    alerts: (await db().incidentAlert.findMany({ where: { incidentId: { in: ids } } })).map((row) => omit(row, ["createdAt", "updatedAt"])),
    audit: (await db().auditEvent.findMany({ where: { entityType: "Incident", entityId: { in: ids } } })).map((row) => omit(row, ["id", "occurredAt", "seq", "prevHash", "hash", "sealedAt"])),
    events: (await db().domainEvent.findMany({ where: { entityType: "Incident", entityId: { in: ids } } })).map((row) => omit(row, ["seq", "id", "occurredAt"])),
  };
  // Rows of one table in a canonical order once normalised (the incidents keep theirs: by number).
  const normalised = normalise(side, written, await incidentIds(side)) as typeof written;
  return {
    incidents: normalised.incidents,
    services: canonical(normalised.services), timeline: canonical(normalised.timeline), alerts: canonical(normalised.alerts),
    audit: canonical(normalised.audit), events: canonical(normalised.events),
  };
}

async function expectSameRows(source: "ALERTMANAGER" | "PAGERDUTY", expected: { incidents: number; events: string[] }) {
  const sql = await rowsOf(sides.sql, source);
  const core = await rowsOf(sides.core, source);
  // Not equal by being empty: the deliveries wrote what they should.
  expect(core.incidents).toHaveLength(expected.incidents);
  expect((core.events as { type: string }[]).map((event) => event.type).sort()).toEqual([...expected.events].sort());
  expect(sql.timeline.length).toBeGreaterThan(expected.incidents);
  for (const part of ["incidents", "services", "timeline", "alerts", "audit", "events"] as const) expect({ part, rows: sql[part] }).toEqual({ part, rows: core[part] });
}

describe("the SQL writer writes what the incident core writes", () => {
  it("for an Alertmanager group that fires, grows, repeats, resolves alert by alert, fires again and resolves", async () => {
    const group = `{}:{alertname="Compared", run="${run}"}`;
    await deliverBoth([
      am({ ...ALERTMANAGER_DOC_PAYLOAD, groupKey: group }, 0),
      am({ ...ALERTMANAGER_DOC_PAYLOAD, groupKey: group }, 1),
      am(alertmanagerPayload(group, [ALERTMANAGER_DOC_PAYLOAD.alerts[0]!, latency("lat-1", "firing"), probe("p-2", "node-2", "firing")]), 2),
      am(alertmanagerPayload(group, [probe("p-2", "node-2", "resolved", 3)]), 3),
      am(alertmanagerPayload(group, [{ ...ALERTMANAGER_DOC_PAYLOAD.alerts[0]!, status: "resolved", endsAt: at(4).toISOString() }, latency("lat-1", "resolved", 4)], { truncatedAlerts: 2 }), 5),
      am(alertmanagerPayload(group, [probe("p-3", "node-3", "firing")]), 6),
      am(alertmanagerPayload(group, [probe("p-3", "node-3", "resolved", 7)]), 7),
      am(alertmanagerPayload(group, [probe("p-3", "node-3", "resolved", 7)]), 8),
    ]);
    await expectSameRows("ALERTMANAGER", { incidents: 2, events: ["incident.triggered", "incident.resolved", "incident.triggered", "incident.resolved"] });
  });

  it("for a PagerDuty key triggered, triggered again, updated, acknowledged twice, resolved twice and triggered after the resolve", async () => {
    const key = `cmp-${run}`;
    const trigger = { ...PAGERDUTY_DOC_TRIGGER, dedup_key: key };
    await deliverBoth([
      pd(trigger, 0),
      pd(trigger, 1),
      pd({ ...trigger, payload: { ...trigger.payload, summary: "Disk nearly full on prod-datapipe03", severity: "critical" } }, 2),
      pd({ routing_key: trigger.routing_key, dedup_key: key, event_action: "acknowledge" }, 3),
      pd({ routing_key: trigger.routing_key, dedup_key: key, event_action: "acknowledge" }, 4),
      pd({ routing_key: trigger.routing_key, dedup_key: key, event_action: "resolve" }, 5),
      pd({ routing_key: trigger.routing_key, dedup_key: key, event_action: "resolve" }, 6),
      pd({ routing_key: trigger.routing_key, dedup_key: key, event_action: "acknowledge" }, 6),
      pd(trigger, 7),
    ]);
    await expectSameRows("PAGERDUTY", { incidents: 2, events: ["incident.triggered", "incident.acknowledged", "incident.resolved", "incident.triggered"] });
  });

  it("for a storm of 1,000 alerts in one group (one incident) that then resolves, and a person's group for a named service", async () => {
    const storm = `{}:{alertname="Storm", run="${run}"}`;
    const personal = `{}:{alertname="Personal", run="${run}"}`;
    await deliverBoth([
      am({ ...alertStorm(storm, 1000), truncatedAlerts: 40 }, 10),
      am(alertStorm(storm, 1000), 11),
      am(alertStorm(storm, 1000, "resolved"), 40),
      am(alertmanagerPayload(personal, [probe("me-1", "node-1", "firing")]), 41, "person"),
      am(alertmanagerPayload(personal, [probe("me-1", "node-1", "resolved", 42)]), 42, "person"),
    ]);
    expect(await db().incidentAlert.count({ where: { incident: { serviceId: sides.sql.service.id, dedupKey: storm } } })).toBe(1000);
    await expectSameRows("ALERTMANAGER", { incidents: 4, events: ["incident.triggered", "incident.resolved", "incident.triggered", "incident.resolved", "incident.triggered", "incident.resolved", "incident.triggered", "incident.resolved"] });
  });

  it("puts a resolve's status entry after the alert entries of the same instant, as the core's later insert does", async () => {
    const group = `{}:{alertname="Ordered", run="${run}"}`;
    await ingestAlertmanager(db(), sides.sql.token, alertmanagerPayload(group, [probe("o-1", "node-1", "firing")]), {}, at(50));
    const result = await ingestAlertmanager(db(), sides.sql.token, alertmanagerPayload(group, [probe("o-1", "node-1", "resolved", 51)]), {}, at(52));
    expect(result.outcome).toBe("resolved");
    const timeline = await db().incidentTimelineEntry.findMany({ where: { incidentId: result.incident!.id }, orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }], select: { kind: true, message: true, occurredAt: true, createdAt: true } });
    const [resolvedAlert, status] = timeline.slice(-2);
    expect([resolvedAlert, status].map((entry) => entry && { kind: entry.kind, message: entry.message, occurredAt: entry.occurredAt })).toEqual([
      { kind: "ALERT", message: "Alert ProbeFailure resolved.", occurredAt: at(51) },
      { kind: "STATUS", message: "token:alerting marked the incident resolved: every alert of the group has resolved", occurredAt: at(51) },
    ]);
    // Not by chance of a tie: the status entry is written later, as the core's second insert is.
    expect(status!.createdAt.getTime()).toBeGreaterThan(resolvedAlert!.createdAt.getTime());
  });
});
