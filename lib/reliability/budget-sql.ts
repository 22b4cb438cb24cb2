// The error-budget policy's reads, as columns the gate's context statement carries (no round trip of
// its own). With the policy off they read one primary-key row; on, the service's incidents of the
// last 28 days through IncidentService's (serviceId, incidentId) index, its target history (its unique
// index) and a running exception (the (serviceId, endsAt) index).
import { preparedStatement, runPrepared, type DbTx } from "../db";
import type { AvailabilityTarget } from "../generated/prisma/enums.ts";
import { DAY } from "./availability";
import { BUDGET_DAYS, type BudgetPolicyInput } from "./budget-policy";
import { availabilityReport } from "./report";

const utc = (value: string) => new Date(value.endsWith("Z") ? value : `${value}Z`);

export type BudgetRow = {
  budgetPolicy: boolean | null;
  budgetException: { endsAt: string; reason: string } | null;
  budgetIncidents: { id: string; number: number; title: string; lostAt: string; regainedAt: string | null }[] | null;
  budgetTargets: { target: AvailabilityTarget; effectiveFrom: string }[] | null;
  budgetCurrent: AvailabilityTarget | null;
};

/**
 * The budget's columns, for a statement that already reads the service (the gate's context read adds
 * them, so the rule costs no round trip of its own). `service` is an SQL expression of the service's
 * id. With the policy off, every sub-select is cut short by its first condition.
 */
export function budgetColumns(p: (value: unknown) => string, service: string, now: Date): string {
  const at = `${p(now.toISOString())}::timestamptz AT TIME ZONE 'UTC'`;
  const since = `${p(new Date(now.getTime() - BUDGET_DAYS * DAY).toISOString())}::timestamptz AT TIME ZONE 'UTC'`;
  const policy = `COALESCE((SELECT "errorBudgetPolicy" FROM "OrganisationSettings" WHERE id = 1), false)`;
  return `
           ${policy} AS "budgetPolicy",
           (SELECT json_build_object('endsAt', e."endsAt", 'reason', e.reason) FROM "ErrorBudgetException" e
             WHERE ${policy} AND e."serviceId" = ${service} AND e."endsAt" > ${at} AND e."startsAt" <= ${at}
             ORDER BY e."endsAt" DESC LIMIT 1) AS "budgetException",
           (SELECT json_agg(json_build_object('id', i.id, 'number', i.number, 'title', i.title,
                   'lostAt', i."availabilityLostAt", 'regainedAt', i."availabilityRegainedAt"))
              FROM "IncidentService" si JOIN "Incident" i ON i.id = si."incidentId"
             WHERE ${policy} AND si."serviceId" = ${service} AND i."availabilityLostAt" < ${at}
               AND (i."availabilityRegainedAt" IS NULL OR i."availabilityRegainedAt" > ${since})) AS "budgetIncidents",
           (SELECT json_agg(json_build_object('target', t.target, 'effectiveFrom', t."effectiveFrom"))
              FROM "ServiceTargetChange" t WHERE ${policy} AND t."serviceId" = ${service}) AS "budgetTargets",
           (SELECT sv."availabilityTarget"::text FROM "Service" sv WHERE ${policy} AND sv.id = ${service}) AS "budgetCurrent"`;
}

/** The policy's input from the budget columns: the 28-day report against the targets in force. */
export function decodeBudget(row: BudgetRow | undefined, now: Date): BudgetPolicyInput {
  const incidents = (row?.budgetIncidents ?? []).map((incident) => ({
    id: incident.id, number: Number(incident.number), title: incident.title, lostAt: utc(incident.lostAt), regainedAt: incident.regainedAt ? utc(incident.regainedAt) : null,
  }));
  const targets = (row?.budgetTargets ?? []).map((target) => ({ target: target.target, effectiveFrom: utc(target.effectiveFrom) }));
  if (targets.length === 0 && row?.budgetCurrent) targets.push({ target: row.budgetCurrent, effectiveFrom: new Date(0) });
  return {
    policyOn: row?.budgetPolicy === true,
    exception: row?.budgetException ? { endsAt: utc(row.budgetException.endsAt), reason: row.budgetException.reason } : null,
    report: availabilityReport(incidents, targets, BUDGET_DAYS, now),
  };
}

/** The budget on its own, one statement (the bench measures the rule's reads with it). */
export async function readBudgetPolicy(tx: DbTx, serviceId: string, now: Date): Promise<BudgetPolicyInput> {
  const [row] = await runPrepared<BudgetRow>(tx, preparedStatement("read-budget-policy", (p) => `SELECT ${budgetColumns(p, `${p(serviceId)}::text`, now)}`));
  return decodeBudget(row, now);
}
