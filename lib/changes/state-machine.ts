// Which moves a change request may make, and the gate's answer from what it found. Pure.
import type { RuleVerdict } from "./eligibility";

export type ChangeState = "DRAFT" | "SUBMITTED" | "APPROVED" | "REJECTED" | "IMPLEMENTED" | "CLOSED" | "FAILED" | "CANCELLED";
export type ChangeType = "STANDARD" | "NORMAL" | "EMERGENCY";

const MOVES: Record<ChangeState, readonly ChangeState[]> = {
  DRAFT: ["SUBMITTED", "CANCELLED"],
  SUBMITTED: ["APPROVED", "REJECTED", "CANCELLED"],
  APPROVED: ["IMPLEMENTED", "FAILED", "CANCELLED"],
  REJECTED: [],
  IMPLEMENTED: ["CLOSED", "FAILED"],
  CLOSED: [],
  FAILED: [],
  CANCELLED: [],
};

export function canMove(from: ChangeState, to: ChangeState): boolean {
  return MOVES[from].includes(to);
}

export const STATE_LABELS: Record<ChangeState, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  APPROVED: "Approved",
  REJECTED: "Rejected",
  IMPLEMENTED: "Implemented",
  CLOSED: "Closed",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
};

/** What the CAB's votes add up to: approved at quorum, rejected by any rejection (with its reason). */
export function cabOutcome(votes: readonly { decision: "APPROVE" | "REJECT" }[], quorum: number): "APPROVED" | "REJECTED" | "PENDING" {
  if (votes.some((vote) => vote.decision === "REJECT")) return "REJECTED";
  return votes.filter((vote) => vote.decision === "APPROVE").length >= quorum ? "APPROVED" : "PENDING";
}

export type GateInput = {
  isProduction: boolean;
  freeze: { name: string; endsAt: Date } | null;
  /** An approved (or implemented) emergency or normal change for exactly this version. */
  approved: { id: string; type: ChangeType; number: number } | null;
  /** Covering patterns with their verdicts, in a stable order. */
  patterns: { id: string; name: string; eligible: boolean; verdicts: RuleVerdict[] }[];
};

export type GateAnswer =
  | { decision: "allow"; changeType: ChangeType | null; changeId: string | null; patternId: string | null; reasons: RuleVerdict[] }
  | { decision: "deny"; changeType: null; changeId: null; patternId: null; reasons: RuleVerdict[] };

/**
 * Emergency changes pass everything; a freeze stops everything else; an approved normal change for the
 * version passes; otherwise the first eligible pattern makes a standard change. Non-production
 * environments need no change.
 */
export function decideGate(input: GateInput): GateAnswer {
  if (!input.isProduction) {
    return { decision: "allow", changeType: null, changeId: null, patternId: null, reasons: [{ rule: "environment", passed: true, message: "Non-production environments need no change request." }] };
  }
  const approvedReason = (change: { type: ChangeType; number: number }): RuleVerdict => ({
    rule: "approved-change",
    passed: true,
    message: `CHG-${change.number} (${change.type.toLowerCase()}) is approved for this version.`,
  });
  if (input.approved?.type === "EMERGENCY") {
    const reasons = [approvedReason(input.approved)];
    if (input.freeze) reasons.push({ rule: "freeze", passed: true, message: `Emergency change: passes the freeze "${input.freeze.name}".` });
    return { decision: "allow", changeType: "EMERGENCY", changeId: input.approved.id, patternId: null, reasons };
  }
  if (input.freeze) {
    return {
      decision: "deny",
      changeType: null,
      changeId: null,
      patternId: null,
      reasons: [{ rule: "freeze", passed: false, message: `The freeze "${input.freeze.name}" covers the planned time until ${input.freeze.endsAt.toISOString()}; only emergency changes pass a freeze.` }],
    };
  }
  if (input.approved) return { decision: "allow", changeType: input.approved.type, changeId: input.approved.id, patternId: null, reasons: [approvedReason(input.approved)] };
  const eligible = input.patterns.find((pattern) => pattern.eligible);
  if (eligible) {
    return {
      decision: "allow",
      changeType: "STANDARD",
      changeId: null,
      patternId: eligible.id,
      reasons: [{ rule: "pattern", passed: true, message: `Eligible for the pattern "${eligible.name}".` }, ...eligible.verdicts],
    };
  }
  const reasons: RuleVerdict[] = [{ rule: "approved-change", passed: false, message: "No approved change for this version." }];
  if (input.patterns.length === 0) reasons.push({ rule: "pattern", passed: false, message: "No deployment pattern covers this service in this environment." });
  for (const pattern of input.patterns) {
    reasons.push({ rule: "pattern", passed: false, message: `Not eligible for the pattern "${pattern.name}".` });
    reasons.push(...pattern.verdicts.filter((verdict) => !verdict.passed));
  }
  return { decision: "deny", changeType: null, changeId: null, patternId: null, reasons };
}
