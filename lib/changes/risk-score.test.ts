import { describe, expect, it } from "vitest";
import { riskLevel, riskScore, type RiskInput } from "./risk-score";

const calm: RiskInput = { tier: "TIER_4", changeFailureRate: 0, commits: 3, outOfHours: false, hoursToFreeze: null, onCallCovered: true, openMajorIncidents: 0 };

describe("risk score", () => {
  it.each<[string, Partial<RiskInput>, number]>([
    ["a small change to a tier 4 service in hours", {}, 0],
    ["tier 1", { tier: "TIER_1" }, 25],
    ["tier 2", { tier: "TIER_2" }, 15],
    ["no track record", { changeFailureRate: null }, 10],
    ["CFR 10%", { changeFailureRate: 0.1 }, 10],
    ["CFR 20%", { changeFailureRate: 0.2 }, 20],
    ["CFR 40%", { changeFailureRate: 0.4 }, 25],
    ["12 commits", { commits: 12 }, 5],
    ["80 commits", { commits: 80 }, 15],
    ["out of hours", { outOfHours: true }, 10],
    ["inside a freeze", { hoursToFreeze: 0 }, 20],
    ["freeze in 12 h", { hoursToFreeze: 12 }, 10],
    ["freeze in 40 h", { hoursToFreeze: 40 }, 5],
    ["nobody on call", { onCallCovered: false }, 15],
    ["an open major incident", { openMajorIncidents: 1 }, 15],
    ["everything at once is capped at 100", { tier: "TIER_1", changeFailureRate: 0.5, commits: 90, outOfHours: true, hoursToFreeze: 0, onCallCovered: false, openMajorIncidents: 2 }, 100],
  ])("%s → %i", (_name, change, score) => {
    expect(riskScore({ ...calm, ...change }).score).toBe(score);
  });

  it("explains every factor, open major incidents included", () => {
    const result = riskScore(calm);
    expect(result.factors.map((factor) => factor.factor)).toEqual(["Tier", "Change failure rate", "Size", "Timing", "Freeze proximity", "On-call cover", "Open major incidents"]);
    expect(result.factors.at(-1)!.explanation).toBe("No open major incident on the service.");
    expect(riskScore({ ...calm, openMajorIncidents: 2 }).factors.at(-1)).toMatchObject({ points: 15, explanation: expect.stringMatching(/^2 open major incidents on the service/) });
  });

  it.each([[0, "LOW"], [24, "LOW"], [25, "MEDIUM"], [49, "MEDIUM"], [50, "HIGH"], [100, "HIGH"]] as const)("%i is %s", (score, level) => {
    expect(riskLevel(score)).toBe(level);
  });
});
