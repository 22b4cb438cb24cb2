import { describe, expect, it } from "vitest";
import { evaluatePattern, evaluateRule, patternCovers, recordNeeds, type TrackRecord } from "./eligibility";
import { readRules, ZPatternRules, type PatternRule } from "./pattern-rules";

const healthy: TrackRecord = {
  tier: "TIER_2",
  windows: { 30: { finished: 20, failed: 1 }, 14: { finished: 8, failed: 0 } },
  recentChecks: ["PASSED", "PASSED", null, "PASSED", "PENDING"],
  automated: true,
  freeze: null,
  onCall: { covered: true, reason: "Ann is on call." },
};

const cases: { name: string; rule: PatternRule; record?: Partial<TrackRecord>; passed: boolean; message?: RegExp }[] = [
  { name: "tier allowed", rule: { kind: "tier", tiers: ["TIER_2", "TIER_3"] }, passed: true },
  { name: "tier 1 kept out", rule: { kind: "tier", tiers: ["TIER_2", "TIER_3"] }, record: { tier: "TIER_1" }, passed: false, message: /tier 1/ },
  { name: "CFR under the limit", rule: { kind: "change-failure-rate", days: 30, maxPercent: 10 }, passed: true, message: /1 of 20 .* \(5%\)/ },
  { name: "CFR exactly at the limit passes", rule: { kind: "change-failure-rate", days: 30, maxPercent: 5 }, passed: true },
  { name: "CFR over the limit", rule: { kind: "change-failure-rate", days: 30, maxPercent: 4 }, passed: false },
  { name: "CFR with no deployments cannot be trusted", rule: { kind: "change-failure-rate", days: 7, maxPercent: 50 }, passed: false, message: /No finished deployments/ },
  { name: "track record met", rule: { kind: "track-record", days: 14, count: 8 }, passed: true },
  { name: "a new service has no track record", rule: { kind: "track-record", days: 14, count: 9 }, passed: false, message: /Only 8/ },
  { name: "last 3 checks passed (none required counts as passed)", rule: { kind: "health-checks-passed", count: 3 }, passed: true },
  { name: "pending does not count against", rule: { kind: "health-checks-passed", count: 5 }, passed: true },
  { name: "too few deployments for the checks rule", rule: { kind: "health-checks-passed", count: 6 }, passed: false, message: /Only 5/ },
  { name: "a failed check in the window", rule: { kind: "health-checks-passed", count: 2 }, record: { recentChecks: ["PASSED", "FAILED", "PASSED"] }, passed: false, message: /1 of the last 2/ },
  { name: "a missing check in the window", rule: { kind: "health-checks-passed", count: 3 }, record: { recentChecks: ["MISSING", "PASSED", "PASSED"] }, passed: false },
  { name: "a failure older than the window is forgiven", rule: { kind: "health-checks-passed", count: 2 }, record: { recentChecks: ["PASSED", "PASSED", "FAILED"] }, passed: true },
  { name: "automated pipeline", rule: { kind: "automated-pipeline" }, passed: true },
  { name: "a person at the gate", rule: { kind: "automated-pipeline" }, record: { automated: false }, passed: false },
  { name: "outside freeze", rule: { kind: "outside-freeze" }, passed: true },
  { name: "inside a freeze", rule: { kind: "outside-freeze" }, record: { freeze: { name: "Black Friday", endsAt: new Date("2026-11-30T00:00:00Z") } }, passed: false, message: /Black Friday/ },
  { name: "on call", rule: { kind: "on-call" }, passed: true, message: /Ann/ },
  { name: "nobody on call", rule: { kind: "on-call" }, record: { onCall: { covered: false, reason: "Nobody is on call." } }, passed: false },
];

describe("eligibility rules", () => {
  it.each(cases)("$name", ({ rule, record, passed, message }) => {
    const verdict = evaluateRule(rule, { ...healthy, ...record });
    expect(verdict.passed).toBe(passed);
    expect(verdict.rule).toBe(rule.kind);
    if (message) expect(verdict.message).toMatch(message);
  });

  it("a pattern is eligible only when every rule passes", () => {
    const rules: PatternRule[] = [{ kind: "tier", tiers: ["TIER_2"] }, { kind: "outside-freeze" }];
    expect(evaluatePattern(rules, healthy).eligible).toBe(true);
    const frozen = evaluatePattern(rules, { ...healthy, freeze: { name: "F", endsAt: new Date() } });
    expect(frozen.eligible).toBe(false);
    expect(frozen.verdicts.map((verdict) => verdict.passed)).toEqual([true, false]);
    expect(evaluatePattern([], healthy).eligible).toBe(true);
    expect(evaluatePattern(null, healthy)).toMatchObject({ eligible: false, verdicts: [{ rule: "rules", passed: false }] });
  });

  it("knows which windows and how many recent deployments to read", () => {
    const rules = [
      [{ kind: "change-failure-rate", days: 30, maxPercent: 5 }, { kind: "health-checks-passed", count: 3 }],
      [{ kind: "track-record", days: 14, count: 5 }, { kind: "change-failure-rate", days: 30, maxPercent: 9 }, { kind: "health-checks-passed", count: 5 }],
      null,
    ] as (PatternRule[] | null)[];
    expect(recordNeeds(rules)).toEqual({ days: [14, 30], recent: 5 });
  });
});

describe("pattern coverage", () => {
  const service = { id: "s1", teamId: "t1", tier: "TIER_2" as const };
  it.each([
    [{ serviceIds: [], teamIds: [], environmentIds: [], tiers: [] }, true],
    [{ serviceIds: ["s1"], teamIds: [], environmentIds: [], tiers: [] }, true],
    [{ serviceIds: ["s2"], teamIds: [], environmentIds: [], tiers: [] }, false],
    [{ serviceIds: [], teamIds: ["t1"], environmentIds: ["prod"], tiers: [] }, true],
    [{ serviceIds: [], teamIds: [], environmentIds: ["staging"], tiers: [] }, false],
    [{ serviceIds: [], teamIds: [], environmentIds: [], tiers: ["TIER_3" as const] }, false],
  ])("%o covers: %s", (pattern, expected) => {
    expect(patternCovers(pattern, service, "prod")).toBe(expected);
  });
});

describe("rules as typed JSON", () => {
  it("refuses unknown kinds, bad numbers and duplicates with messages", () => {
    expect(ZPatternRules.safeParse([{ kind: "magic" }]).success).toBe(false);
    const bad = ZPatternRules.safeParse([{ kind: "change-failure-rate", days: 0, maxPercent: 150 }]);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path.join("."))).toEqual(["0.days", "0.maxPercent"]);
    expect(ZPatternRules.safeParse([{ kind: "on-call" }, { kind: "on-call" }]).success).toBe(false);
    expect(readRules("not rules")).toBeNull();
    expect(readRules([{ kind: "on-call" }])).toEqual([{ kind: "on-call" }]);
  });
});
