// What a deployment report means for change control, decided before the report is written so the
// ingest's single write statement can apply it (lib/deployments/ingest-sql.ts). Pure: link the
// deployment to its change (service + environment + version), flag a production deployment without an
// approved change, start the required-checks clock, and move the change (implemented, closed, failed).
import type { ChangeState, DeploymentFlagKind, DeploymentStatus } from "../generated/prisma/enums.ts";
import type { AuditAction } from "../audit/audit-actions";
import { requiredChecksVerdict, type RequiredCheck } from "./required-checks";

export type ChangeRef = { id: string; number: number; state: ChangeState; patternId: string | null };

export type ChangeControlInput = {
  deployment: { id: string; service: string; environment: string; version: string; status: DeploymentStatus; finishedAt: Date | null };
  isProduction: boolean;
  /** The change the deployment was linked to by an earlier report of the same run. */
  linkedChange: ChangeRef | null;
  /** Otherwise the newest approved or implemented change for this service, environment and version. */
  approvedChange: ChangeRef | null;
  /** The required checks of the service and of the change's pattern (a name once, tightest deadline). */
  requiredChecks: RequiredCheck[];
  /** The deployment's required-checks status before this report (null: not started). */
  requiredChecksStatus: string | null;
  now: Date;
};

/** When an audit event or domain event is written: only if the part of the statement it records happened. */
export type WrittenIf = "deployment" | "flag" | "change";

/** The audit action of each move change control makes (audit-sentences.ts says them). */
export const CHANGE_MOVE_ACTIONS = { IMPLEMENTED: "change.implemented", CLOSED: "change.closed", FAILED: "change.failed" } as const satisfies Record<string, AuditAction>;

export type PlannedEvent = { action: AuditAction; entityType: string; entityId: string; before?: unknown; after?: unknown; if: WrittenIf };

export type ChangeControlPlan = {
  /** Set on the deployment when it is first linked to its change. */
  linkChangeId: string | null;
  flag: { kind: DeploymentFlagKind; message: string } | null;
  /** Starts the required-checks clock; `evaluateNow` when the verdict is already known (late report). */
  requiredChecks: { dueAt: Date | null; evaluateNow: boolean } | null;
  /** One guarded move of the change from its current state (several steps collapse into the last). */
  move: { changeId: string; from: ChangeState; to: ChangeState; implementedAt: Date | null; closedAt: Date | null; failureReason: string | null } | null;
  events: PlannedEvent[];
};

export function planChangeControl(input: ChangeControlInput): ChangeControlPlan {
  const { deployment, now } = input;
  const plan: ChangeControlPlan = { linkChangeId: null, flag: null, requiredChecks: null, move: null, events: [] };
  const change = input.linkedChange ?? input.approvedChange;

  if (!input.linkedChange && change) {
    plan.linkChangeId = change.id;
    plan.events.push(
      { action: "deployment.change-linked", entityType: "Deployment", entityId: deployment.id, after: { changeRequestId: change.id, number: change.number }, if: "deployment" },
      { action: "change.deployment-linked", entityType: "ChangeRequest", entityId: change.id, after: { deploymentId: deployment.id, version: deployment.version }, if: "deployment" },
    );
  } else if (!change && input.isProduction) {
    const message = `${deployment.service} ${deployment.version} reached ${deployment.environment} without an approved change.`;
    plan.flag = { kind: "NO_APPROVED_CHANGE", message };
    plan.events.push({ action: "deployment.flagged", entityType: "Deployment", entityId: deployment.id, after: { kind: "NO_APPROVED_CHANGE", message }, if: "flag" });
  }

  const steps: { to: keyof typeof CHANGE_MOVE_ACTIONS; why: string }[] = [];
  if (deployment.status === "SUCCEEDED" && input.requiredChecksStatus === null) {
    const required = input.requiredChecks;
    if (required.length) {
      const verdict = requiredChecksVerdict(required, [], deployment.finishedAt ?? now, now);
      plan.requiredChecks = { dueAt: verdict.nextDueAt, evaluateNow: verdict.status !== "PENDING" };
    }
    if (change?.state === "APPROVED") {
      steps.push({ to: "IMPLEMENTED", why: `Deployment of ${deployment.version} succeeded.` });
      if (!required.length) steps.push({ to: "CLOSED", why: "Deployment succeeded; no health checks are required." });
    }
  }
  const failureReason = `Deployment of ${deployment.version} failed.`;
  if (deployment.status === "FAILED" && (change?.state === "APPROVED" || change?.state === "IMPLEMENTED")) {
    steps.push({ to: "FAILED", why: "Deployment failed." });
  }
  if (change && steps.length) {
    const to = steps.at(-1)!.to;
    plan.move = {
      changeId: change.id,
      from: change.state,
      to,
      implementedAt: steps.some((step) => step.to === "IMPLEMENTED") ? now : null,
      closedAt: to === "CLOSED" ? now : null,
      failureReason: to === "FAILED" ? failureReason : null,
    };
    let from = change.state;
    for (const step of steps) {
      plan.events.push({ action: CHANGE_MOVE_ACTIONS[step.to], entityType: "ChangeRequest", entityId: change.id, before: { state: from }, after: { state: step.to, reason: step.why }, if: "change" });
      from = step.to;
    }
  }
  return plan;
}
