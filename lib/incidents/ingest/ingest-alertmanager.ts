// Prometheus Alertmanager delivers an alert group (webhook payload version 4): one incident per
// groupKey while it is open, each alert by its fingerprint. New firing alerts open the incident (or join
// the open one) with their annotations, links and runbooks on the timeline; when every alert of the
// group has resolved, the incident resolves; a group that fires again after that opens a new incident.
// A delivery that changes nothing (Alertmanager repeats a group every repeat_interval) writes nothing.
import { createHash } from "node:crypto";
import type { Actor } from "../../auth/actor";
import { requestSealInBackground } from "../../audit/seal-audit-events";
import { autocommitStatements, withPreparedTransaction, type Db, type DbTx, type RunStatement } from "../../db";
import { parseInput } from "../../errors";
import type { IncidentStatus } from "../../generated/prisma/enums.ts";
import { runbookPath } from "../../runbooks/paths";
import { findRunbookForAlert } from "../../runbooks/search-queries";
import { moveIncident, planMove } from "../move-incident";
import { openIncident } from "../open-incident";
import { addTimelineEntries } from "../timeline";
import { lookupRunbook, readAlertContext, writeIncidentChange, writeOpenedIncident, type AlertIncidentContext } from "./alert-incident-sql";
import { insertedAlerts, upsertAlerts, type AlertInput } from "./alert-sql";
import { alertEntries, annotatedRunbook, firedAndResolved, groupImpact, runbookEntries, truncatedEntry } from "./alert-words";
import { alertsAuditEntry, recordAlertsAudit } from "./record-alerts-audit";
import { ZAlertmanagerPayload, type TAlertmanagerAlert, type TAlertmanagerPayload } from "./alertmanager-schema";
import { checkIngestService, ingestService, ingestServiceKey, lockOpenIncident, withRaceRetry, type IngestService, type OpenAlertIncident } from "./ingest-context";

export type AlertmanagerOutcome = {
  /** opened: a new incident; updated: alerts of the open one changed; resolved: its last alert resolved; unchanged: a repeat; ignored: only resolved alerts of no open incident. */
  outcome: "opened" | "updated" | "resolved" | "unchanged" | "ignored";
  incident: { id: string; number: number; status: IncidentStatus } | null;
  alerts: { changed: number; firing: number };
};

/** Alertmanager's fingerprint is a hash of the labels; an older sender without one gets the same idea. */
function labelFingerprint(labels: Record<string, string>): string {
  const canonical = JSON.stringify(Object.keys(labels).sort().map((key) => [key, labels[key]]));
  return createHash("sha256").update(canonical).digest("hex").slice(0, 16);
}

function toAlertInput(alert: TAlertmanagerAlert, now: Date): AlertInput {
  const summary = alert.annotations.summary ?? alert.annotations.description ?? "";
  return {
    fingerprint: alert.fingerprint ?? labelFingerprint(alert.labels),
    status: alert.status === "firing" ? "FIRING" : "RESOLVED",
    name: alert.labels.alertname ?? "",
    summary: summary.slice(0, 2000),
    severity: alert.labels.severity ?? null,
    generatorUrl: alert.generatorURL ?? null,
    labels: alert.labels,
    annotations: alert.annotations,
    startsAt: alert.startsAt ?? now.toISOString(),
    endsAt: alert.status === "resolved" ? (alert.endsAt ?? now.toISOString()) : null,
  };
}

const incidentRef = (open: OpenAlertIncident) => ({ id: open.id, number: open.number, status: open.status });

function incidentTitle(payload: TAlertmanagerPayload, firing: readonly AlertInput[]): string {
  const first = firing[0];
  const title = payload.commonAnnotations.summary?.trim() || first?.summary.trim() || payload.commonLabels.alertname || first?.name || "Alertmanager alert";
  const named = title.length < 3 ? `Alert ${title}` : title;
  return named.length > 200 ? `${named.slice(0, 199)}…` : named;
}

const earliest = (alerts: readonly AlertInput[], now: Date) => new Date(Math.min(now.getTime(), ...alerts.map((alert) => Date.parse(alert.startsAt))));
/** When the group resolved: its last alert's end, never before the incident started nor after now. */
function resolvedAt(resolved: readonly AlertInput[], now: Date, triggeredAt: Date): Date {
  const last = resolved.length ? Math.max(...resolved.map((alert) => Date.parse(alert.endsAt ?? now.toISOString()))) : now.getTime();
  return new Date(Math.min(now.getTime(), Math.max(triggeredAt.getTime(), last)));
}

/**
 * How a delivery is written. "sql" (the default): the alert ingest's SQL writer (alert-incident-sql.ts),
 * a few prepared statements in one transaction. "core": the incident core's use cases (openIncident,
 * moveIncident) in a Prisma transaction, the reference the SQL writer is held to by
 * alert-incident-sql.test.ts, which runs the same deliveries through both and compares the rows.
 */
export type IngestWriter = "sql" | "core";

export async function ingestAlertmanager(prisma: Db, actor: Actor, input: unknown, options: { service?: string | null; writer?: IngestWriter } = {}, now = new Date()): Promise<AlertmanagerOutcome> {
  const payload = parseInput(ZAlertmanagerPayload, input);
  const alerts = payload.alerts.map((alert) => toAlertInput(alert, now));
  const byFingerprint = new Map(alerts.map((alert) => [alert.fingerprint, alert]));
  const delivery: Delivery = { actor, payload, alerts, byFingerprint, slug: options.service, now };
  const result = await withRaceRetry(() =>
    options.writer === "core"
      ? prisma.$transaction((tx) => deliverThroughCore(tx, delivery), { maxWait: 10_000, timeout: 30_000 })
      : deliverThroughSql(prisma, delivery),
  );
  if (result.outcome !== "unchanged" && result.outcome !== "ignored") requestSealInBackground(prisma);
  return result;
}

type Delivery = {
  actor: Actor; payload: TAlertmanagerPayload; alerts: AlertInput[]; byFingerprint: Map<string, AlertInput>;
  slug: string | null | undefined; now: Date;
};

const firingOf = (byFingerprint: Map<string, AlertInput>) => [...byFingerprint.values()].filter((alert) => alert.status === "FIRING");

async function deliverThroughCore(tx: DbTx, { actor, payload, alerts, byFingerprint, slug, now }: Delivery): Promise<AlertmanagerOutcome> {
  const service = await ingestService(tx, actor, slug);
  const lookup = async (name: string) => {
    const runbook = await findRunbookForAlert(tx, service.slug, name);
    return runbook ? { title: runbook.title, path: runbookPath(runbook.service.slug, runbook.slug) } : null;
  };
  const open = await lockOpenIncident(tx, service.id, "ALERTMANAGER", payload.groupKey);
  if (!open) {
    const firing = firingOf(byFingerprint);
    // Resolved alerts of a group with no open incident: already resolved here, or never seen firing.
    if (firing.length === 0) return { outcome: "ignored", incident: null, alerts: { changed: 0, firing: 0 } };
    const opened = await openIncident(tx, actor, openingOf(payload, service, firing, await runbookEntries(firing, lookup, now), now), now);
    const written = await upsertAlerts(tx, opened.id, alerts);
    await recordAlertsAudit(tx, actor, opened.id, "ALERTMANAGER", { ...firedAndResolved(written.changed, byFingerprint), firing: written.firing, truncated: payload.truncatedAlerts });
    return { outcome: "opened", incident: opened, alerts: { changed: written.changed.length, firing: written.firing } };
  }
  const written = await upsertAlerts(tx, open.id, alerts);
  if (written.changed.length === 0) return { outcome: "unchanged", incident: incidentRef(open), alerts: { changed: 0, firing: written.firing } };
  const { fired, resolved } = firedAndResolved(written.changed, byFingerprint);
  await addTimelineEntries(tx, open.id, actor, [
    ...alertEntries(fired, resolved, now),
    ...(fired.length ? await runbookEntries(fired, lookup, now) : []),
    ...truncatedEntry(payload.truncatedAlerts, now),
  ]);
  await recordAlertsAudit(tx, actor, open.id, "ALERTMANAGER", { fired, resolved, firing: written.firing, truncated: payload.truncatedAlerts });
  if (written.firing > 0) return { outcome: "updated", incident: incidentRef(open), alerts: { changed: written.changed.length, firing: written.firing } };
  await moveIncident(tx, actor, open.id, "RESOLVED", resolvedAt(resolved, now, new Date(open.triggeredMs)), RESOLVED_NOTE);
  return { outcome: "resolved", incident: { id: open.id, number: open.number, status: "RESOLVED" }, alerts: { changed: written.changed.length, firing: 0 } };
}

const RESOLVED_NOTE = "every alert of the group has resolved";
/** Runbook names the read prefetches: those of firing alerts without a runbook link of their own. */
const PREFETCHED_RUNBOOK_NAMES = 20;

/**
 * The same delivery as deliverThroughCore, written by the SQL writer: the same rows, fewer round trips.
 * A delivery of firing alerts only first reads without a transaction: with no incident open for the
 * group (a new group) it opens one in a single statement (atomic by itself; a concurrent opening loses
 * on the unique index and is retried). Otherwise, and for any delivery with resolved alerts, one
 * transaction: the locked read that also upserts the alerts, then the change.
 */
async function deliverThroughSql(prisma: Db, delivery: Delivery): Promise<AlertmanagerOutcome> {
  const { actor, payload, alerts, byFingerprint, slug } = delivery;
  const firing = firingOf(byFingerprint);
  const names = [...new Set(firing.filter((alert) => alert.name && !annotatedRunbook(alert)).map((alert) => alert.name))].slice(0, PREFETCHED_RUNBOOK_NAMES);
  const read = { ...ingestServiceKey(actor, slug), source: "ALERTMANAGER" as const, dedupKey: payload.groupKey, runbookNames: names };
  if (firing.length === byFingerprint.size) {
    const run = autocommitStatements(prisma);
    const context = await readAlertContext(run, read);
    if (!context.open) return openOrIgnore(run, delivery, context, names);
  }
  return withPreparedTransaction(prisma, async (run) => {
    const context = await readAlertContext(run, { ...read, alerts });
    const open = context.open;
    if (!open) return openOrIgnore(run, delivery, context, names);
    const { lookup } = checked(run, delivery, context, names);
    const written = context.upserted!;
    if (written.changed.length === 0) return { outcome: "unchanged", incident: incidentRef(open), alerts: { changed: 0, firing: written.firing } };
    const { fired, resolved } = firedAndResolved(written.changed, byFingerprint);
    const { now } = delivery;
    const entries = [
      ...alertEntries(fired, resolved, now),
      ...(fired.length ? await runbookEntries(fired, lookup, now) : []),
      ...truncatedEntry(payload.truncatedAlerts, now),
    ];
    const audit = alertsAuditEntry(open.id, "ALERTMANAGER", { fired, resolved, firing: written.firing, truncated: payload.truncatedAlerts });
    if (written.firing > 0) {
      await writeIncidentChange(run, actor, { incident: open, entries, audits: [audit] });
      return { outcome: "updated", incident: incidentRef(open), alerts: { changed: written.changed.length, firing: written.firing } };
    }
    const move = planMove(actor, open, "RESOLVED", resolvedAt(resolved, now, new Date(open.triggeredMs)), RESOLVED_NOTE);
    await writeIncidentChange(run, actor, { incident: open, entries, audits: [audit], move });
    return { outcome: "resolved", incident: { id: open.id, number: open.number, status: "RESOLVED" }, alerts: { changed: written.changed.length, firing: 0 } };
  });
}

/** The service read, checked as ingestService checks it, and the runbook lookup the read prefetched. */
function checked(run: RunStatement, delivery: Delivery, context: AlertIncidentContext, names: readonly string[]) {
  const { teamName, ...service } = checkIngestService(delivery.actor, delivery.slug, context.service);
  const lookup = async (name: string) => (context.runbooks.has(name) ? context.runbooks.get(name)! : names.includes(name) ? null : lookupRunbook(run, service, name));
  return { service, teamName, lookup };
}

/** No incident is open for the group: its firing alerts open one; resolved alerts alone are ignored. */
async function openOrIgnore(run: RunStatement, delivery: Delivery, context: AlertIncidentContext, names: readonly string[]): Promise<AlertmanagerOutcome> {
  const { actor, payload, alerts, byFingerprint, now } = delivery;
  const { service, teamName, lookup } = checked(run, delivery, context, names);
  const firing = firingOf(byFingerprint);
  if (firing.length === 0) return { outcome: "ignored", incident: null, alerts: { changed: 0, firing: 0 } };
  const written = insertedAlerts(alerts);
  const opened = await writeOpenedIncident(run, actor, {
    opening: openingOf(payload, service, firing, await runbookEntries(firing, lookup, now), now),
    team: { id: service.teamId, name: teamName },
    alerts,
    alertsAudit: (id) => alertsAuditEntry(id, "ALERTMANAGER", { ...firedAndResolved(written.changed, byFingerprint), firing: written.firing, truncated: payload.truncatedAlerts }),
  }, now);
  return { outcome: "opened", incident: opened, alerts: { changed: written.changed.length, firing: written.firing } };
}

function openingOf(payload: TAlertmanagerPayload, service: IngestService, firing: readonly AlertInput[], runbooks: Awaited<ReturnType<typeof runbookEntries>>, now: Date) {
  return {
    services: [service] as [IngestService],
    title: incidentTitle(payload, firing),
    summary: (payload.commonAnnotations.description ?? "").slice(0, 10_000),
    impact: groupImpact(firing, service),
    lossPerHour: null,
    source: "ALERTMANAGER" as const,
    dedupKey: payload.groupKey,
    triggeredAt: earliest(firing, now),
    timeline: [...alertEntries(firing, [], now), ...runbooks, ...truncatedEntry(payload.truncatedAlerts, now)],
  };
}
