// The gate's budget read: one statement, only asked when a standard change would pass. With the
// policy off it reads one primary-key row; on, the service's incidents of the last 28 days through
// IncidentService's (serviceId, incidentId) index, its target history (its unique index) and a
// running exception (the (serviceId, endsAt) index).
import { preparedStatement, runPrepared, type DbTx } from "../db";
import type { AvailabilityTarget } from "../generated/prisma/enums.ts";
import { DAY } from "./availability";
import { BUDGET_DAYS, type BudgetPolicyInput } from "./budget-policy";
import { availabilityReport } from "./report";

const utc = (value: string) => new Date(value.endsWith("Z") ? value : `${value}Z`);

type Row = {
  policy: boolean | null;
  exception: { endsAt: string; reason: string } | null;
  incidents: { id: string; number: number; title: string; lostAt: string; regainedAt: string | null }[] | null;
  targets: { target: AvailabilityTarget; effectiveFrom: string }[] | null;
  current: AvailabilityTarget | null;
};

export async function readBudgetPolicy(tx: DbTx, serviceId: string, now: Date): Promise<BudgetPolicyInput> {
  const [row] = await runPrepared<Row>(tx, preparedStatement("gate-read-budget", (p) => {
    const service = `${p(serviceId)}::text`;
    const at = `${p(now.toISOString())}::timestamptz AT TIME ZONE 'UTC'`;
    const since = `${p(new Date(now.getTime() - BUDGET_DAYS * DAY).toISOString())}::timestamptz AT TIME ZONE 'UTC'`;
    return `
    WITH o AS (SELECT COALESCE((SELECT "errorBudgetPolicy" FROM "OrganisationSettings" WHERE id = 1), false) AS policy)
    SELECT o.policy,
           (SELECT json_build_object('endsAt', e."endsAt", 'reason', e.reason) FROM "ErrorBudgetException" e
             WHERE o.policy AND e."serviceId" = ${service} AND e."endsAt" > ${at} AND e."startsAt" <= ${at}
             ORDER BY e."endsAt" DESC LIMIT 1) AS exception,
           (SELECT json_agg(json_build_object('id', i.id, 'number', i.number, 'title', i.title,
                   'lostAt', i."availabilityLostAt", 'regainedAt', i."availabilityRegainedAt"))
              FROM "IncidentService" si JOIN "Incident" i ON i.id = si."incidentId"
             WHERE o.policy AND si."serviceId" = ${service} AND i."availabilityLostAt" < ${at}
               AND (i."availabilityRegainedAt" IS NULL OR i."availabilityRegainedAt" > ${since})) AS incidents,
           (SELECT json_agg(json_build_object('target', t.target, 'effectiveFrom', t."effectiveFrom"))
              FROM "ServiceTargetChange" t WHERE o.policy AND t."serviceId" = ${service}) AS targets,
           (SELECT s."availabilityTarget"::text FROM "Service" s WHERE o.policy AND s.id = ${service}) AS current
      FROM o`;
  }));
  const policyOn = row?.policy === true;
  const incidents = (row?.incidents ?? []).map((incident) => ({
    id: incident.id, number: Number(incident.number), title: incident.title, lostAt: utc(incident.lostAt), regainedAt: incident.regainedAt ? utc(incident.regainedAt) : null,
  }));
  const targets = (row?.targets ?? []).map((target) => ({ target: target.target, effectiveFrom: utc(target.effectiveFrom) }));
  if (targets.length === 0 && row?.current) targets.push({ target: row.current, effectiveFrom: new Date(0) });
  return {
    policyOn,
    exception: row?.exception ? { endsAt: utc(row.exception.endsAt), reason: row.exception.reason } : null,
    report: availabilityReport(incidents, targets, BUDGET_DAYS, now),
  };
}
