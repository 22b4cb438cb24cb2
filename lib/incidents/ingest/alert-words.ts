// What an integration's delivery says on the incident's timeline, as pure functions: the alerts that
// fired or resolved (summary, description and the tool's link), the runbook each firing alert links,
// and what the tool left out. A storm stays readable: the first MAX_ALERT_ENTRIES alerts are named,
// the rest counted in one line.
import type { IncidentImpact } from "../../generated/prisma/enums.ts";
import { impactFromSeverity } from "../impact";
import type { TimelineEntry } from "../timeline";
import type { AlertChange, AlertInput } from "./alert-sql";
import { isHttpUrl } from "./wire-fields";

export const MAX_ALERT_ENTRIES = 10;
const MAX_MESSAGE = 2000;

const clip = (text: string, max = MAX_MESSAGE) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const str = (value: unknown) => (typeof value === "string" ? value.trim() : "");

const RANK: Record<IncidentImpact, number> = { HIGH: 3, MEDIUM: 2, LOW: 1 };

/** The highest impact among the firing alerts' severities, through the service's mapping. */
export function groupImpact(alerts: readonly AlertInput[], mapping: { criticalAlertImpact: IncidentImpact; errorAlertImpact: IncidentImpact }): IncidentImpact {
  let best: IncidentImpact = "LOW";
  for (const alert of alerts) {
    const impact = impactFromSeverity(alert.severity, mapping);
    if (RANK[impact] > RANK[best]) best = impact;
  }
  return best;
}

export function firingEntry(alert: AlertInput): TimelineEntry {
  const description = str(alert.annotations.description);
  const said = [alert.summary, description && description !== alert.summary ? description : ""].filter(Boolean).join(" — ");
  return {
    kind: "ALERT",
    message: clip(`Alert ${alert.name} firing${alert.severity ? ` (${alert.severity})` : ""}${said ? `: ${said}` : "."}`),
    occurredAt: new Date(alert.startsAt),
    url: alert.generatorUrl,
  };
}

export function resolvedEntry(alert: AlertInput, now: Date): TimelineEntry {
  return { kind: "ALERT", message: clip(`Alert ${alert.name} resolved.`), occurredAt: alert.endsAt ? new Date(alert.endsAt) : now, url: alert.generatorUrl };
}

/** "…and 990 more alerts firing." for the alerts past the first MAX_ALERT_ENTRIES. */
function overflow(count: number, verb: string, at: Date): TimelineEntry[] {
  return count > 0 ? [{ kind: "ALERT", message: `…and ${count.toLocaleString("en")} more alert${count === 1 ? "" : "s"} ${verb}.`, occurredAt: at }] : [];
}

/** The timeline of a delivery: the alerts that started firing and those that stopped. */
export function alertEntries(fired: readonly AlertInput[], resolved: readonly AlertInput[], now: Date): TimelineEntry[] {
  return [
    ...fired.slice(0, MAX_ALERT_ENTRIES).map(firingEntry),
    ...overflow(fired.length - MAX_ALERT_ENTRIES, "firing", now),
    ...resolved.slice(0, MAX_ALERT_ENTRIES).map((alert) => resolvedEntry(alert, now)),
    ...overflow(resolved.length - MAX_ALERT_ENTRIES, "resolved", now),
  ];
}

export function truncatedEntry(truncated: number, now: Date): TimelineEntry[] {
  if (truncated <= 0) return [];
  return [{
    kind: "ALERT",
    message: `Alertmanager left ${truncated.toLocaleString("en")} more alert${truncated === 1 ? "" : "s"} of this group out of the notification (its max_alerts); look in Alertmanager for the full group.`,
    occurredAt: now,
  }];
}

/** A runbook link an alert carries itself (runbook_url, or runbook when it is a link). */
export function annotatedRunbook(alert: AlertInput): string | null {
  for (const key of ["runbook_url", "runbook"]) {
    const value = str(alert.annotations[key]);
    if (value && isHttpUrl(value)) return value;
  }
  return null;
}

export type RunbookFound = { title: string; path: string };

/**
 * One entry per distinct runbook among the firing alerts: the alert's own link, else the service's
 * runbook for the alert name (found by `lookup`, the runbooks' alert lookup, for at most
 * `maxLookups` names per delivery: a storm of one alert name costs one lookup).
 */
export async function runbookEntries(
  fired: readonly AlertInput[],
  lookup: (alertName: string) => Promise<RunbookFound | null>,
  now: Date,
  maxLookups = 5,
): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = [];
  const seen = new Set<string>();
  const looked = new Map<string, RunbookFound | null>();
  for (const alert of fired) {
    const own = annotatedRunbook(alert);
    if (own) {
      if (!seen.has(own)) entries.push({ kind: "ALERT", message: clip(`Runbook for ${alert.name}: ${own}`), occurredAt: now, url: own });
      seen.add(own);
      continue;
    }
    if (!alert.name || (!looked.has(alert.name) && looked.size >= maxLookups)) continue;
    if (!looked.has(alert.name)) looked.set(alert.name, await lookup(alert.name));
    const found = looked.get(alert.name);
    if (found && !seen.has(found.path)) {
      entries.push({ kind: "ALERT", message: clip(`Runbook for ${alert.name}: ${found.title}`), occurredAt: now, url: found.path });
      seen.add(found.path);
    }
    if (entries.length >= MAX_ALERT_ENTRIES) break;
  }
  return entries;
}

/** Splits a delivery's changes into the alerts that started firing and those that stopped. */
export function firedAndResolved(changes: readonly AlertChange[], byFingerprint: ReadonlyMap<string, AlertInput>) {
  const fired: AlertInput[] = [];
  const resolved: AlertInput[] = [];
  for (const change of changes) {
    const alert = byFingerprint.get(change.fingerprint);
    if (!alert) continue;
    if (change.status === "FIRING" && (change.inserted || !change.wasFiring)) fired.push(alert);
    else if (change.status === "RESOLVED" && change.wasFiring) resolved.push(alert);
  }
  return { fired, resolved };
}
