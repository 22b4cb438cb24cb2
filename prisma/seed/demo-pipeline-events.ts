// The audit events a pipeline's reports write (lib/deployments/report-deployment.ts, ingest-sql.ts and
// report-health-check.ts), for history the demo inserts in bulk: the same actions and before/after
// shapes, by the service's pipeline token, dated when the report was made. demo-audit-trail.test.ts
// compares them with what the use cases write.
import type { Actor } from "../../lib/auth/actor";
import type { AuditEntry } from "../../lib/audit/record-audit-event";
import type { DeploymentStatus } from "../../lib/generated/prisma/enums.ts";

export type PipelineEvent = AuditEntry & { actor: Actor };

export type ReportedRow = {
  id: string; service: string; environment: string; version: string; externalId: string; status: DeploymentStatus;
  startedAt: Date; finishedAt: Date | null; deployer: string | null; pipelineUrl: string | null; commits: number;
  replacesId: string | null; isRollback: boolean;
};

/** A first report of a deployment, and the revert of the deployment a rollback puts back. */
export function reportEvents(actor: Actor, row: ReportedRow): PipelineEvent[] {
  const occurredAt = row.finishedAt ?? row.startedAt;
  const after = {
    service: row.service, environment: row.environment, version: row.version, externalId: row.externalId, status: row.status,
    startedAt: row.startedAt.toISOString(), finishedAt: row.finishedAt?.toISOString() ?? null, deployer: row.deployer, pipelineUrl: row.pipelineUrl,
    commits: row.commits, replacesId: row.replacesId, isRollback: row.isRollback,
  };
  const events: PipelineEvent[] = [{ actor, action: "deployment.report", entityType: "Deployment", entityId: row.id, after, occurredAt }];
  if (row.isRollback && row.replacesId) {
    events.push({ actor, action: "deployment.rolled-back", entityType: "Deployment", entityId: row.replacesId, before: { status: "SUCCEEDED" }, after: { status: "ROLLED_BACK", rolledBackBy: row.id }, occurredAt });
  }
  return events;
}

export type ReportedCheck = { id: string; deploymentId: string; name: string; status: "PASS" | "FAIL"; details: string | null; checkedAt: Date };

export function healthCheckEvent(actor: Actor, check: ReportedCheck): PipelineEvent {
  const { id, deploymentId, name, status, details, checkedAt } = check;
  return { actor, action: "deployment.health-check", entityType: "Deployment", entityId: deploymentId, after: { id, deploymentId, name, status, details, checkedAt }, occurredAt: checkedAt };
}
