// A PagerDuty Events API v2 alert event, with PagerDuty's dedup rules: a trigger opens an incident for
// its dedup_key (generated when absent, as PagerDuty does) or adds to the open one; acknowledge and
// resolve act on the open incident of the key, and of an unknown key are accepted and do nothing; a
// trigger after a resolve opens a new incident. The routing_key (the service's token) was checked by
// the caller (pagerduty-auth.ts); an event that changes nothing writes nothing.
import { randomBytes } from "node:crypto";
import type { Actor } from "../../auth/actor";
import { requestSealInBackground } from "../../audit/seal-audit-events";
import { autocommitStatements, withPreparedTransaction, type Db, type DbTx, type RunStatement } from "../../db";
import { parseInput } from "../../errors";
import { moveIncident, planMove } from "../move-incident";
import { openIncident } from "../open-incident";
import { addTimelineEntries, type TimelineEntry } from "../timeline";
import { readAlertContext, writeIncidentChange, writeOpenedIncident, type AlertIncidentContext } from "./alert-incident-sql";
import { upsertAlerts, type AlertInput } from "./alert-sql";
import { firingEntry, groupImpact } from "./alert-words";
import type { IngestWriter } from "./ingest-alertmanager";
import { checkIngestService, ingestService, ingestServiceKey, lockOpenIncident, withRaceRetry, type IngestService } from "./ingest-context";
import { ZPagerDutyEvent, type TPagerDutyEvent } from "./pagerduty-schema";
import { alertsAuditEntry, recordAlertsAudit } from "./record-alerts-audit";

export type PagerDutyOutcome = { dedupKey: string; outcome: "opened" | "updated" | "acknowledged" | "resolved" | "unchanged" | "ignored"; incidentId: string | null };

const MAX_LINKS_ON_TIMELINE = 5;
const clip = (text: string, max = 2000) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function toAlertInput(event: TPagerDutyEvent & { payload: NonNullable<TPagerDutyEvent["payload"]> }, dedupKey: string, now: Date): AlertInput {
  const { payload } = event;
  const labels = Object.fromEntries(
    Object.entries({ source: payload.source, component: payload.component, group: payload.group, class: payload.class }).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  const startsAt = payload.timestamp && Date.parse(payload.timestamp) < now.getTime() ? payload.timestamp : now.toISOString();
  return {
    fingerprint: dedupKey,
    status: "FIRING",
    name: payload.class || payload.component || payload.source,
    summary: payload.summary,
    severity: payload.severity,
    generatorUrl: event.client_url ?? null,
    labels,
    annotations: { custom_details: payload.custom_details ?? null, links: event.links, images: event.images, client: event.client ?? null },
    startsAt,
    endsAt: null,
  };
}

/** What a trigger adds to the timeline beyond the alert itself: where it came from, its details and links. */
function triggerDetails(event: TPagerDutyEvent, alert: AlertInput, now: Date): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const where = Object.entries(alert.labels).map(([key, value]) => `${key} ${value}`).join(" · ");
  const details = event.payload?.custom_details;
  const said = [where, details === undefined || details === null ? "" : `details ${JSON.stringify(details)}`].filter(Boolean).join("; ");
  if (said) entries.push({ kind: "ALERT", message: clip(`From ${event.client ?? "PagerDuty Events"}: ${said}`), occurredAt: now, url: event.client_url ?? null });
  for (const link of event.links.slice(0, MAX_LINKS_ON_TIMELINE)) if (link.href) entries.push({ kind: "ALERT", message: clip(`Link: ${link.text || link.href}`), occurredAt: now, url: link.href });
  for (const image of event.images.slice(0, MAX_LINKS_ON_TIMELINE)) if (image.src) entries.push({ kind: "ALERT", message: clip(`Image: ${image.alt || image.src}`), occurredAt: now, url: image.href ?? image.src });
  return entries;
}

export async function ingestPagerDuty(prisma: Db, actor: Actor, input: unknown, now = new Date(), options: { writer?: IngestWriter } = {}): Promise<PagerDutyOutcome> {
  const event = parseInput(ZPagerDutyEvent, input);
  // PagerDuty makes up a key for a trigger without one and answers with it; a 32-hex key like theirs.
  const dedupKey = event.dedup_key || randomBytes(16).toString("hex");
  const result = await withRaceRetry(() =>
    options.writer === "core"
      ? prisma.$transaction((tx) => applyThroughCore(tx, actor, event, dedupKey, now), { maxWait: 10_000, timeout: 30_000 })
      : applyThroughSql(prisma, actor, event, dedupKey, now),
  );
  if (result.outcome !== "unchanged" && result.outcome !== "ignored") requestSealInBackground(prisma);
  return result;
}

const ACKNOWLEDGED_NOTE = "acknowledged through PagerDuty Events";
const RESOLVED_NOTE = "resolved through PagerDuty Events";

function openingOf(event: TPagerDutyEvent, alert: AlertInput, service: IngestService, dedupKey: string, now: Date) {
  return {
    services: [service] as [IngestService],
    title: clip(alert.summary.length < 3 ? `Alert ${alert.summary}` : alert.summary, 200),
    summary: "",
    impact: groupImpact([alert], service),
    lossPerHour: null,
    source: "PAGERDUTY" as const,
    dedupKey,
    triggeredAt: new Date(alert.startsAt),
    timeline: [firingEntry(alert), ...triggerDetails(event, alert, now)],
  };
}

const againEntries = (event: TPagerDutyEvent, alert: AlertInput, now: Date): TimelineEntry[] => [
  { kind: "ALERT", message: clip(`Triggered again (${alert.severity}): ${alert.summary}`), occurredAt: now, url: alert.generatorUrl },
  ...triggerDetails(event, alert, now),
];

async function applyThroughCore(tx: DbTx, actor: Actor, event: TPagerDutyEvent, dedupKey: string, now: Date): Promise<PagerDutyOutcome> {
  const service = await ingestService(tx, actor, null);
  const open = await lockOpenIncident(tx, service.id, "PAGERDUTY", dedupKey);
  const done = (outcome: PagerDutyOutcome["outcome"], incidentId = open?.id ?? null): PagerDutyOutcome => ({ dedupKey, outcome, incidentId });
  if (event.event_action === "acknowledge") {
    if (!open || open.status !== "TRIGGERED") return done(open ? "unchanged" : "ignored");
    await moveIncident(tx, actor, open.id, "ACKNOWLEDGED", now, ACKNOWLEDGED_NOTE);
    return done("acknowledged");
  }
  if (event.event_action === "resolve") {
    if (!open) return done("ignored");
    await tx.incidentAlert.updateMany({ where: { incidentId: open.id, fingerprint: dedupKey }, data: { status: "RESOLVED", endsAt: now } });
    await moveIncident(tx, actor, open.id, "RESOLVED", new Date(Math.max(now.getTime(), open.triggeredMs)), RESOLVED_NOTE);
    return done("resolved");
  }
  const alert = toAlertInput({ ...event, payload: event.payload! }, dedupKey, now);
  if (!open) {
    const opened = await openIncident(tx, actor, openingOf(event, alert, service, dedupKey, now), now);
    await upsertAlerts(tx, opened.id, [alert]);
    await recordAlertsAudit(tx, actor, opened.id, "PAGERDUTY", { fired: [alert], resolved: [], firing: 1 });
    return done("opened", opened.id);
  }
  // A trigger for the open incident's key is the same alert again: new words or severity update it.
  const written = await upsertAlerts(tx, open.id, [alert]);
  if (written.changed.length === 0) return done("unchanged");
  await addTimelineEntries(tx, open.id, actor, againEntries(event, alert, now));
  await recordAlertsAudit(tx, actor, open.id, "PAGERDUTY", { fired: [], resolved: [], updated: 1, firing: written.firing });
  return done("updated");
}

/**
 * The same event as applyThroughCore, written by the SQL writer (alert-incident-sql.ts). A trigger
 * first reads without a transaction: for a key with no open incident it opens one in a single
 * statement (atomic by itself; a concurrent trigger loses on the unique index and is retried).
 * Otherwise one transaction: the locked read (with a trigger's alert upserted), then the change.
 */
async function applyThroughSql(prisma: Db, actor: Actor, event: TPagerDutyEvent, dedupKey: string, now: Date): Promise<PagerDutyOutcome> {
  const read = { ...ingestServiceKey(actor, null), source: "PAGERDUTY" as const, dedupKey, runbookNames: [] };
  const alert = event.event_action === "trigger" ? toAlertInput({ ...event, payload: event.payload! }, dedupKey, now) : null;
  const open = async (run: RunStatement, context: AlertIncidentContext, trigger: AlertInput) => {
    const { teamName, ...service } = checkIngestService(actor, null, context.service);
    const opened = await writeOpenedIncident(run, actor, {
      opening: openingOf(event, trigger, service, dedupKey, now),
      team: { id: service.teamId, name: teamName },
      alerts: [trigger],
      alertsAudit: (id) => alertsAuditEntry(id, "PAGERDUTY", { fired: [trigger], resolved: [], firing: 1 }),
    }, now);
    return { dedupKey, outcome: "opened" as const, incidentId: opened.id };
  };
  if (alert) {
    const run = autocommitStatements(prisma);
    const context = await readAlertContext(run, read);
    if (!context.open) return open(run, context, alert);
  }
  return withPreparedTransaction(prisma, async (run): Promise<PagerDutyOutcome> => {
    const context = await readAlertContext(run, { ...read, alerts: alert ? [alert] : null });
    checkIngestService(actor, null, context.service);
    const incident = context.open;
    const done = (outcome: PagerDutyOutcome["outcome"], incidentId = incident?.id ?? null): PagerDutyOutcome => ({ dedupKey, outcome, incidentId });
    if (event.event_action === "acknowledge") {
      if (!incident || incident.status !== "TRIGGERED") return done(incident ? "unchanged" : "ignored");
      await writeIncidentChange(run, actor, { incident, entries: [], audits: [], move: planMove(actor, incident, "ACKNOWLEDGED", now, ACKNOWLEDGED_NOTE) });
      return done("acknowledged");
    }
    if (event.event_action === "resolve") {
      if (!incident) return done("ignored");
      const move = planMove(actor, incident, "RESOLVED", new Date(Math.max(now.getTime(), incident.triggeredMs)), RESOLVED_NOTE);
      await writeIncidentChange(run, actor, { incident, resolveAlert: { fingerprint: dedupKey, at: now }, entries: [], audits: [], move });
      return done("resolved");
    }
    if (!incident) return open(run, context, alert!);
    const written = context.upserted!;
    if (written.changed.length === 0) return done("unchanged");
    await writeIncidentChange(run, actor, {
      incident, entries: againEntries(event, alert!, now),
      audits: [alertsAuditEntry(incident.id, "PAGERDUTY", { fired: [], resolved: [], updated: 1, firing: written.firing })],
    });
    return done("updated");
  });
}
