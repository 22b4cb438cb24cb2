import { describe, expect, it } from "vitest";
import { planChangeControl, type ChangeControlInput, type ChangeRef } from "./change-control-plan";

const NOW = new Date("2026-11-24T10:05:00Z");
const approved: ChangeRef = { id: "chg", number: 7, state: "APPROVED", patternId: null };

function input(overrides: Partial<ChangeControlInput> & { status?: ChangeControlInput["deployment"]["status"] } = {}): ChangeControlInput {
  const { status = "SUCCEEDED", ...rest } = overrides;
  return {
    deployment: { id: "dep", service: "payments", environment: "production", version: "1.2.3", status, finishedAt: NOW },
    isProduction: true, linkedChange: null, approvedChange: null, requiredChecks: [], requiredChecksStatus: null, now: NOW,
    ...rest,
  };
}

const actions = (plan: ReturnType<typeof planChangeControl>) => plan.events.map((event) => `${event.action}@${event.if}`);

describe("planChangeControl", () => {
  it("links an approved change, implements and closes it when no checks are required", () => {
    const plan = planChangeControl(input({ approvedChange: approved }));
    expect(plan.linkChangeId).toBe("chg");
    expect(plan.flag).toBeNull();
    expect(plan.move).toMatchObject({ changeId: "chg", from: "APPROVED", to: "CLOSED", implementedAt: NOW, closedAt: NOW, failureReason: null });
    expect(actions(plan)).toEqual(["deployment.change-linked@deployment", "change.deployment-linked@deployment", "change.implemented@change", "change.closed@change"]);
  });

  it("starts the required-checks clock and leaves the change implemented until they pass", () => {
    const plan = planChangeControl(input({ approvedChange: approved, requiredChecks: [{ name: "smoke", deadlineMinutes: 15 }, { name: "synthetics", deadlineMinutes: 30 }] }));
    expect(plan.requiredChecks).toEqual({ dueAt: new Date(NOW.getTime() + 15 * 60_000), evaluateNow: false });
    expect(plan.move).toMatchObject({ to: "IMPLEMENTED", closedAt: null });
  });

  it("a late report whose check deadline already passed is evaluated at once", () => {
    const plan = planChangeControl(input({ requiredChecks: [{ name: "smoke", deadlineMinutes: 15 }], now: new Date(NOW.getTime() + 3_600_000) }));
    expect(plan.requiredChecks).toEqual({ dueAt: null, evaluateNow: true });
  });

  it("flags a production deployment without an approved change and tells change managers", () => {
    const plan = planChangeControl(input());
    expect(plan.flag).toEqual({ kind: "NO_APPROVED_CHANGE", message: "payments 1.2.3 reached production without an approved change." });
    expect(actions(plan)).toEqual(["deployment.flagged@flag"]);
  });

  it("does not flag outside production, and does nothing more for a deployment still running", () => {
    expect(planChangeControl(input({ isProduction: false }))).toEqual({ linkChangeId: null, flag: null, requiredChecks: null, move: null, events: [] });
    const running = planChangeControl(input({ status: "STARTED", approvedChange: approved }));
    expect(running.linkChangeId).toBe("chg");
    expect(running.move).toBeNull();
  });

  it("a failed deployment fails its approved or implemented change, linked earlier or now", () => {
    const linked = planChangeControl(input({ status: "FAILED", linkedChange: { ...approved, state: "IMPLEMENTED" } }));
    expect(linked.linkChangeId).toBeNull();
    expect(linked.move).toMatchObject({ from: "IMPLEMENTED", to: "FAILED", failureReason: "Deployment of 1.2.3 failed." });
    expect(actions(linked)).toEqual(["change.failed@change"]);
    expect(planChangeControl(input({ status: "FAILED", linkedChange: { ...approved, state: "CLOSED" } })).move).toBeNull();
  });

  it("a success reported again after the clock started does not restart it", () => {
    const plan = planChangeControl(input({ linkedChange: { ...approved, state: "IMPLEMENTED" }, requiredChecks: [{ name: "smoke", deadlineMinutes: 15 }], requiredChecksStatus: "PENDING" }));
    expect(plan.requiredChecks).toBeNull();
    expect(plan.move).toBeNull();
  });
});
