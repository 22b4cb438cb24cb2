// The audit events of a change's way through, for the demo's backfilled history: the same actions and
// before/after shapes as raise-change.ts, decide-change.ts, the gate (gate-sql.ts) and change control
// (change-control-plan.ts, deployment-control.ts) write, by the person or pipeline who acted, when they
// acted. Change control's own pure planner decides the link and the moves, as in the ingest.
import { createHash } from "node:crypto";
import type { Actor } from "../../lib/auth/actor";
import { planChangeControl, CHANGE_MOVE_ACTIONS, type ChangeRef } from "../../lib/changes/change-control-plan";
import { requiredChecksVerdict, type RequiredCheck } from "../../lib/changes/required-checks";
import type { RiskScore } from "../../lib/changes/risk-score";
import type { DeploymentStatus } from "../../lib/generated/prisma/enums.ts";
import type { PipelineEvent } from "./demo-pipeline-events";

type RaisedChange = { id: string; number: number; type: string; state: string; version: string | null; summary: string; reviewDueAt: Date | null; riskScore: number | null };

export function raiseEvent(actor: Actor, change: RaisedChange, service: string, risk: RiskScore | null, at: Date): PipelineEvent {
  return { actor, action: "change.raise", entityType: "ChangeRequest", entityId: change.id, after: { ...change, service, risk: risk?.factors }, occurredAt: at };
}

/** A CAB member's vote; the vote that reaches quorum approves the change in the same moment. */
export function voteEvents(actor: Actor, changeId: string, vote: { reason: string; at: Date; approves: { quorum: number } | null }): PipelineEvent[] {
  const events: PipelineEvent[] = [{ actor, action: "change.vote", entityType: "ChangeRequest", entityId: changeId, after: { decision: "APPROVE", reason: vote.reason }, occurredAt: vote.at }];
  if (vote.approves) {
    // Same transaction as the vote; a millisecond later keeps the two in order wherever they are listed.
    events.push({ actor, action: "change.approve", entityType: "ChangeRequest", entityId: changeId, before: { state: "SUBMITTED" }, after: { state: "APPROVED", reason: vote.reason, quorum: vote.approves.quorum }, occurredAt: new Date(vote.at.getTime() + 1) });
  }
  return events;
}

/** gate.ts's key for an allow by a pattern: one decision per version and outcome. */
export const standardOutcomeKey = (patternId: string) => createHash("sha256").update(["allow", "STANDARD", patternId].join("|")).digest("hex").slice(0, 32);

/** The gate's allow by a pattern and the standard change it records (writeGateDecision's two events). */
export function standardChangeEvents(
  actor: Actor,
  gate: { id: string; serviceId: string; service: string; environmentId: string; version: string; reasons: unknown },
  change: { id: string; number: number; patternId: string },
  at: Date,
): PipelineEvent[] {
  return [
    {
      actor, action: "change.gate-decision", entityType: "GateDecision", entityId: gate.id, occurredAt: at,
      after: { service: gate.service, serviceId: gate.serviceId, environmentId: gate.environmentId, version: gate.version, outcome: "ALLOW", changeRequestId: change.id, reasons: gate.reasons },
    },
    {
      actor, action: "change.standard-recorded", entityType: "ChangeRequest", entityId: change.id, occurredAt: at,
      after: { number: change.number, type: "STANDARD", state: "APPROVED", version: gate.version, patternId: change.patternId, gateDecisionId: gate.id },
    },
  ];
}

export type ControlOutcome = {
  events: PipelineEvent[];
  state: "APPROVED" | "IMPLEMENTED" | "CLOSED" | "FAILED";
  implementedAt: Date | null;
  closedAt: Date | null;
  failureReason: string | null;
  requiredChecksStatus: "PASSED" | "FAILED" | "MISSING" | null;
  flag: { kind: "REQUIRED_CHECK_FAILED" | "REQUIRED_CHECK_MISSING"; message: string } | null;
};

type LinkedDeployment = { id: string; service: string; version: string; status: DeploymentStatus; finishedAt: Date };
type Check = { name: string; status: "PASS" | "FAIL"; checkedAt: Date };

/**
 * What the deployment's report did to its approved change (linked, implemented, closed or failed) and,
 * when required checks started a clock, what their evaluation did once the last check was in.
 */
export function changeControlEvents(
  actor: Actor,
  input: { deployment: LinkedDeployment; change: ChangeRef; requiredChecks: RequiredCheck[]; checks: Check[] },
): ControlOutcome {
  const { deployment, change } = input;
  const plan = planChangeControl({
    deployment: { id: deployment.id, service: deployment.service, environment: "production", version: deployment.version, status: deployment.status, finishedAt: deployment.finishedAt },
    isProduction: true, linkedChange: null, approvedChange: change, requiredChecks: input.requiredChecks, requiredChecksStatus: null, now: deployment.finishedAt,
  });
  // One statement wrote these at one moment; a millisecond apart keeps them in their order when listed.
  const events: PipelineEvent[] = plan.events.map(({ if: _part, ...event }, index) => ({ ...event, entityType: event.entityType as PipelineEvent["entityType"], actor, occurredAt: new Date(deployment.finishedAt.getTime() + index) }));
  const moved = (plan.move?.to ?? change.state) as ControlOutcome["state"];
  const outcome = { events, state: moved, implementedAt: plan.move?.implementedAt ?? null, closedAt: plan.move?.closedAt ?? null, failureReason: plan.move?.failureReason ?? null, requiredChecksStatus: null, flag: null };
  if (!plan.requiredChecks) return outcome;
  // The evaluation runs when the last check arrives, or at the deadline when one never does.
  const deadline = new Date(deployment.finishedAt.getTime() + Math.max(...input.requiredChecks.map((check) => check.deadlineMinutes)) * 60_000);
  const inTime = input.checks.filter((check) => check.checkedAt <= deadline);
  const at = inTime.length && input.requiredChecks.every((required) => inTime.some((check) => check.name === required.name)) ? new Date(Math.max(...inTime.map((check) => check.checkedAt.getTime()))) : deadline;
  const verdict = requiredChecksVerdict(input.requiredChecks, inTime, deployment.finishedAt, at);
  const status = verdict.status === "PENDING" ? "MISSING" : verdict.status;
  const summary = verdict.checks.map((check) => `${check.name}: ${check.state.toLowerCase()}`).join(", ");
  events.push({ actor, action: "deployment.required-checks", entityType: "Deployment", entityId: deployment.id, before: { requiredChecksStatus: "PENDING" }, after: { requiredChecksStatus: status, checks: verdict.checks }, occurredAt: at });
  if (status === "PASSED") {
    events.push({ actor, action: CHANGE_MOVE_ACTIONS.CLOSED, entityType: "ChangeRequest", entityId: change.id, before: { state: moved }, after: { state: "CLOSED", reason: `Required health checks passed (${summary}).` }, occurredAt: at });
    return { ...outcome, state: "CLOSED", requiredChecksStatus: status, closedAt: at };
  }
  const kind = status === "FAILED" ? "REQUIRED_CHECK_FAILED" : "REQUIRED_CHECK_MISSING";
  const message = `${deployment.service} ${deployment.version}: required health checks ${status.toLowerCase()} (${summary}).`;
  events.push({ actor, action: "deployment.flagged", entityType: "Deployment", entityId: deployment.id, after: { kind, message }, occurredAt: at });
  events.push({ actor, action: CHANGE_MOVE_ACTIONS.FAILED, entityType: "ChangeRequest", entityId: change.id, before: { state: moved }, after: { state: "FAILED", reason: "Required health checks did not pass." }, occurredAt: at });
  return { ...outcome, state: "FAILED", requiredChecksStatus: status, failureReason: `Required health checks ${status.toLowerCase()}: ${summary}.`, flag: { kind, message } };
}
