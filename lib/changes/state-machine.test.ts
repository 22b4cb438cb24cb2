import { describe, expect, it } from "vitest";
import { cabOutcome, canMove, decideGate, type GateInput } from "./state-machine";

describe("change states", () => {
  it.each([
    ["DRAFT", "SUBMITTED", true], ["SUBMITTED", "APPROVED", true], ["SUBMITTED", "REJECTED", true], ["APPROVED", "IMPLEMENTED", true],
    ["IMPLEMENTED", "CLOSED", true], ["IMPLEMENTED", "FAILED", true], ["DRAFT", "APPROVED", false], ["REJECTED", "APPROVED", false],
    ["CLOSED", "IMPLEMENTED", false], ["SUBMITTED", "IMPLEMENTED", false],
  ] as const)("%s → %s: %s", (from, to, allowed) => expect(canMove(from, to)).toBe(allowed));

  it.each([
    [[], 2, "PENDING"], [[{ decision: "APPROVE" }], 2, "PENDING"], [[{ decision: "APPROVE" }, { decision: "APPROVE" }], 2, "APPROVED"],
    [[{ decision: "APPROVE" }], 1, "APPROVED"], [[{ decision: "APPROVE" }, { decision: "REJECT" }], 1, "REJECTED"],
  ] as const)("votes %o with quorum %i → %s", (votes, quorum, outcome) => expect(cabOutcome(votes, quorum)).toBe(outcome));
});

describe("the gate's answer", () => {
  const base: GateInput = { isProduction: true, freeze: null, approved: null, patterns: [] };
  const freeze = { name: "Peak", endsAt: new Date("2026-12-01T00:00:00Z") };
  const eligible = { id: "p1", name: "Routine", eligible: true, verdicts: [{ rule: "tier", passed: true, message: "ok" }] };
  const ineligible = { id: "p2", name: "Strict", eligible: false, verdicts: [{ rule: "tier", passed: true, message: "ok" }, { rule: "on-call", passed: false, message: "Nobody" }] };

  it("non-production needs no change", () => expect(decideGate({ ...base, isProduction: false })).toMatchObject({ decision: "allow", changeType: null }));
  it("an eligible pattern makes a standard change", () =>
    expect(decideGate({ ...base, patterns: [ineligible, eligible] })).toMatchObject({ decision: "allow", changeType: "STANDARD", patternId: "p1" }));
  it("an approved normal change allows", () =>
    expect(decideGate({ ...base, approved: { id: "c1", type: "NORMAL", number: 7 } })).toMatchObject({ decision: "allow", changeType: "NORMAL", changeId: "c1" }));
  it("a freeze denies even an approved normal change and an eligible pattern", () => {
    const answer = decideGate({ ...base, freeze, approved: { id: "c1", type: "NORMAL", number: 7 }, patterns: [eligible] });
    expect(answer.decision).toBe("deny");
    expect(answer.reasons[0]).toMatchObject({ rule: "freeze", passed: false });
  });
  it("only an emergency change passes a freeze", () =>
    expect(decideGate({ ...base, freeze, approved: { id: "c9", type: "EMERGENCY", number: 9 } })).toMatchObject({ decision: "allow", changeType: "EMERGENCY" }));
  it("denies with the failing rules of every covering pattern", () => {
    const answer = decideGate({ ...base, patterns: [ineligible] });
    expect(answer.decision).toBe("deny");
    expect(answer.reasons.filter((reason) => !reason.passed).map((reason) => reason.rule)).toEqual(["approved-change", "pattern", "on-call"]);
  });
  it("says when no pattern covers the service", () =>
    expect(decideGate(base).reasons.map((reason) => reason.message)).toContain("No deployment pattern covers this service in this environment."));
});

import { nextMeeting } from "./meeting";

describe("the next CAB meeting", () => {
  const settings = { meetingWeekday: 2, meetingMinute: 600, timeZone: "Europe/London" };
  it.each([
    ["Monday → Tuesday 10:00 (GMT)", "2026-11-23T12:00:00Z", "2026-11-24T10:00:00.000Z"],
    ["Tuesday before the meeting → same day", "2026-11-24T09:59:00Z", "2026-11-24T10:00:00.000Z"],
    ["Tuesday after the meeting → next week", "2026-11-24T10:00:00Z", "2026-12-01T10:00:00.000Z"],
    ["summer time: 10:00 BST is 09:00 UTC", "2026-06-29T12:00:00Z", "2026-06-30T09:00:00.000Z"],
  ])("%s", (_name, now, expected) => expect(nextMeeting(settings, new Date(now)).toISOString()).toBe(expected));
});
