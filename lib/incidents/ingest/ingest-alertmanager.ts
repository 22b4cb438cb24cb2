// Prometheus Alertmanager delivers an alert group (webhook payload version 4): one incident per
// groupKey while it is open, each alert by its fingerprint. New firing alerts open the incident (or join
// the open one) with their annotations, links and runbooks on the timeline; when every alert of the
// group has resolved, the incident resolves; a group that fires again after that opens a new incident.
// A delivery that changes nothing (Alertmanager repeats a group every repeat_interval) writes nothing.
import { createHash } from "node:crypto";
import type { Actor } from "../../auth/actor";
import { requestSealInBackground } from "../../audit/seal-audit-events";
import type { Db } from "../../db";
import { parseInput } from "../../errors";
import type { IncidentStatus } from "../../generated/prisma/enums.ts";
import { runbookPath } from "../../runbooks/paths";
import { findRunbookForAlert } from "../../runbooks/search-queries";
import { moveIncident } from "../move-incident";
import { openIncident } from "../open-incident";
import { addTimelineEntries } from "../timeline";
import { upsertAlerts, type AlertInput } from "./alert-sql";
import { alertEntries, firedAndResolved, groupImpact, runbookEntries, truncatedEntry } from "./alert-words";
import { recordAlertsAudit } from "./record-alerts-audit";
import { ZAlertmanagerPayload, type TAlertmanagerAlert, type TAlertmanagerPayload } from "./alertmanager-schema";
import { ingestService, lockOpenIncident, withRaceRetry, type IngestService, type OpenAlertIncident } from "./ingest-context";

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

export async function ingestAlertmanager(prisma: Db, actor: Actor, input: unknown, options: { service?: string | null } = {}, now = new Date()): Promise<AlertmanagerOutcome> {
  const payload = parseInput(ZAlertmanagerPayload, input);
  const alerts = payload.alerts.map((alert) => toAlertInput(alert, now));
  const byFingerprint = new Map(alerts.map((alert) => [alert.fingerprint, alert]));
  const result = await withRaceRetry(() =>
    prisma.$transaction(async (tx): Promise<AlertmanagerOutcome> => {
      const service = await ingestService(tx, actor, options.service);
      const lookup = async (name: string) => {
        const runbook = await findRunbookForAlert(tx, service.slug, name);
        return runbook ? { title: runbook.title, path: runbookPath(runbook.service.slug, runbook.slug) } : null;
      };
      const open = await lockOpenIncident(tx, service.id, "ALERTMANAGER", payload.groupKey);
      if (!open) {
        const firing = [...byFingerprint.values()].filter((alert) => alert.status === "FIRING");
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
      await moveIncident(tx, actor, open.id, "RESOLVED", resolvedAt(resolved, now, new Date(open.triggeredMs)), "every alert of the group has resolved");
      return { outcome: "resolved", incident: { id: open.id, number: open.number, status: "RESOLVED" }, alerts: { changed: written.changed.length, firing: 0 } };
    }, { maxWait: 10_000, timeout: 30_000 }),
  );
  if (result.outcome !== "unchanged" && result.outcome !== "ignored") requestSealInBackground(prisma);
  return result;
}

function openingOf(payload: TAlertmanagerPayload, service: IngestService, firing: readonly AlertInput[], runbooks: Awaited<ReturnType<typeof runbookEntries>>, now: Date) {
  return {
    services: [service],
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
