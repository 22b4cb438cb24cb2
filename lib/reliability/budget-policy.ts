// The error-budget policy as a gate rule, pure: while a service has spent its 28-day budget (and the
// organisation has the policy on), a standard change is denied with the budget and the incidents that
// spent it, until the budget recovers or a product manager's exception runs. Normal and emergency
// changes are not this rule's business: they went through their approvals.
import { formatDuration } from "../catalog/availability";
import type { RuleVerdict } from "../changes/eligibility";
import type { GateAnswer } from "../changes/state-machine";
import type { AvailabilityReport } from "./report";

export const BUDGET_DAYS = 28;

export type BudgetPolicyInput = {
  policyOn: boolean;
  exception: { endsAt: Date; reason: string } | null;
  /** Only what the verdict reads of the period, so callers and tests need not build a whole one. */
  report: Pick<AvailabilityReport, "budgetSpent" | "incidents"> & { period: Pick<AvailabilityReport["period"], "unavailableMs" | "budgetMs"> };
};

const seconds = (ms: number) => formatDuration(Math.round(ms / 1000));

/** What the policy says of a service now: spent or not, and the verdict a standard change gets (null: the rule does not apply). */
export function budgetVerdict(input: BudgetPolicyInput, origin: string): RuleVerdict | null {
  if (!input.policyOn || !input.report.budgetSpent) return null;
  const { unavailableMs, budgetMs } = input.report.period;
  const spent = `its ${BUDGET_DAYS}-day error budget of ${seconds(budgetMs)} is spent (${seconds(unavailableMs)} unavailable)`;
  if (input.exception) {
    return { rule: "error-budget", passed: true, message: `The service's ${spent.slice(4)}, but a product manager's exception runs until ${input.exception.endsAt.toISOString()}: ${input.exception.reason}` };
  }
  const incidents = input.report.incidents.map((incident) => `INC-${incident.number} ${origin}/incidents/${incident.id}`).join(", ");
  return {
    rule: "error-budget",
    passed: false,
    message: `Error-budget policy: ${spent.replace(/^its/, "the service's")}, so standard changes wait until it recovers; raise a normal change for review. Incidents: ${incidents || "none listed"}.`,
  };
}

/** A standard allow becomes a deny while the budget is spent; anything else is left as decided. */
export function applyBudgetPolicy(answer: GateAnswer, verdict: RuleVerdict | null): GateAnswer {
  if (!verdict || answer.decision !== "allow" || answer.changeType !== "STANDARD") return answer;
  if (verdict.passed) return { ...answer, reasons: [...answer.reasons, verdict] };
  return { decision: "deny", changeType: null, changeId: null, patternId: null, reasons: [verdict, ...answer.reasons.filter((reason) => reason.rule === "pattern")] };
}
