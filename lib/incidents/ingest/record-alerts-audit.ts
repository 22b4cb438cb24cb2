// One audit event per delivery that changed an incident's alerts (however many alerts it carried): the
// counts, the first few alert names, and the tool, so the trail reads "… recorded 3 alerts firing and
// 1 resolved on INC-12 from Alertmanager" without holding a storm's thousand fingerprints.
import type { Actor } from "../../auth/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { DbTx } from "../../db";
import type { IncidentSource } from "../../generated/prisma/enums.ts";
import type { AlertInput } from "./alert-sql";

const NAMES = 10;

export type AlertsDelivery = { fired: readonly AlertInput[]; resolved: readonly AlertInput[]; firing: number; truncated?: number; updated?: number };

/** The incident.record-alerts audit event of a delivery. */
export function alertsAuditEntry(incidentId: string, source: IncidentSource, delivery: AlertsDelivery) {
  const names = (alerts: readonly AlertInput[]) => [...new Set(alerts.map((alert) => alert.name).filter(Boolean))].slice(0, NAMES);
  return {
    action: "incident.record-alerts" as const,
    entityType: "Incident" as const,
    entityId: incidentId,
    after: {
      source,
      fired: delivery.fired.length,
      resolved: delivery.resolved.length,
      updated: delivery.updated ?? 0,
      stillFiring: delivery.firing,
      truncatedAlerts: delivery.truncated ?? 0,
      firedNames: names(delivery.fired),
      resolvedNames: names(delivery.resolved),
    },
  };
}

export async function recordAlertsAudit(tx: DbTx, actor: Actor, incidentId: string, source: IncidentSource, delivery: AlertsDelivery): Promise<void> {
  await recordAuditEvent(tx, actor, alertsAuditEntry(incidentId, source, delivery));
}
