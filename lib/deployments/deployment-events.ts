// Which domain events a deployment report emits. Pure, so the ingest statement can write them with
// the deployment (lib/deployments/ingest-sql.ts). A production deployment announces each status it
// moves to once (a replay of the same status moves nothing and emits nothing); a flag is announced
// when the statement writes it.
import type { DeploymentStatus } from "../generated/prisma/enums.ts";
import type { ChangeControlPlan } from "../changes/change-control-plan";
import type { PlannedDomainEvent } from "./ingest-sql";

export type DeploymentEventInput = {
  id: string;
  service: { id: string; slug: string; name: string };
  environment: string;
  version: string;
  status: DeploymentStatus;
  previousStatus: DeploymentStatus | null;
  isProduction: boolean;
  flag: ChangeControlPlan["flag"];
};

const TYPE_BY_STATUS = { STARTED: "deployment.started", SUCCEEDED: "deployment.finished", FAILED: "deployment.failed" } as const;

export function plannedDeploymentEvents(input: DeploymentEventInput): PlannedDomainEvent[] {
  const deployment = { id: input.id, version: input.version, environment: input.environment, service: input.service, href: `/deployments/${input.id}` };
  const subject = { entityType: "Deployment", entityId: input.id };
  const events: PlannedDomainEvent[] = [];
  const type = input.status === "ROLLED_BACK" ? null : TYPE_BY_STATUS[input.status];
  if (input.isProduction && type && input.status !== input.previousStatus) {
    events.push({ type, ...subject, payload: { deployment, production: true }, if: "deployment" });
  }
  if (input.flag) {
    events.push({ type: "deployment.flagged", ...subject, payload: { deployment, kind: input.flag.kind, message: input.flag.message }, if: "flag" });
  }
  return events;
}
