import { describe, expect, it } from "vitest";
import { budgetCostWords, decisionRefusal, hypothesisSentence, hypothesisStatus, measureByRefusal, parseHypothesisRef, releaseBudgetCost } from "./rules";

const at = (iso: string) => new Date(iso);
const DAY_OF = at("2027-01-15T00:00:00Z");

describe("decisionRefusal: a result from the hypothesis's date on, once", () => {
  it.each([
    ["a day before", "2027-01-14T00:00:00Z", null, /from 2027-01-15 on.*1 day from now/],
    ["ten days before", "2027-01-05T12:00:00Z", null, /10 days from now/],
    ["a minute before midnight", "2027-01-14T23:59:00Z", null, /1 day from now/],
    ["at midnight of the day", "2027-01-15T00:00:00Z", null, null],
    ["weeks after", "2027-03-01T09:00:00Z", null, null],
    ["after, but already decided", "2027-03-01T09:00:00Z", "VALIDATED", /already recorded/],
  ])("%s", (_, now, result, expected) => {
    const refusal = decisionRefusal({ measureBy: DAY_OF, result }, at(now));
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toMatch(expected);
  });
});

describe("measureByRefusal: written for today or later", () => {
  it.each([
    ["yesterday", "2027-01-16T10:00:00Z", true],
    ["today (later in the day)", "2027-01-15T18:00:00Z", false],
    ["tomorrow", "2027-01-14T18:00:00Z", false],
  ])("%s", (_, now, refused) => {
    expect(measureByRefusal(DAY_OF, at(now)) !== null).toBe(refused);
  });
});

describe("hypothesisStatus", () => {
  it.each([
    ["before the date", "2027-01-14T00:00:00Z", null, "OPEN"],
    ["on the date, undecided", "2027-01-15T00:00:00Z", null, "DUE"],
    ["decided", "2027-01-20T00:00:00Z", "INVALIDATED", "INVALIDATED"],
  ] as const)("%s → %s", (_, now, result, status) => {
    expect(hypothesisStatus({ measureBy: DAY_OF, result }, at(now))).toBe(status);
  });
});

describe("parseHypothesisRef", () => {
  it.each([
    ["HYP-12", { number: 12 }],
    ["hyp-7", { number: 7 }],
    ["HYP12", { number: 12 }],
    [" HYP-3 ", { number: 3 }],
    ["HYP-", { id: "HYP-" }],
    ["5b4f1c7e-0000-4000-8000-000000000000", { id: "5b4f1c7e-0000-4000-8000-000000000000" }],
  ])("%s", (ref, expected) => expect(parseHypothesisRef(ref)).toEqual(expected));
});

describe("hypothesisSentence", () => {
  it("reads as the template, without a doubled full stop", () => {
    expect(hypothesisSentence({ capability: "one-click reorder", outcome: "more repeat orders.", metric: "the weekly repeat-order rate", amount: "+5 percentage points", measureBy: DAY_OF }))
      .toBe("We believe one-click reorder will result in more repeat orders. We will know when the weekly repeat-order rate moves by +5 percentage points by 2027-01-15.");
  });
});

describe("releaseBudgetCost: minutes of the incidents it caused against the 28-day budget", () => {
  const now = at("2026-12-01T00:00:00Z");
  const w = (from: string, to: string | null) => ({ lostAt: at(from), regainedAt: to ? at(to) : null });
  it.each([
    // 99.9% over 28 days: 40,320 min × 0.1% = 40.32 min.
    ["no incidents", [], "P99_9", 0, 40.3, 0],
    ["one 20-minute incident at 99.9%", [w("2026-11-20T10:00:00Z", "2026-11-20T10:20:00Z")], "P99_9", 20, 40.3, 20 / 40.32],
    ["two overlapping incidents count once", [w("2026-11-20T10:00:00Z", "2026-11-20T10:20:00Z"), w("2026-11-20T10:10:00Z", "2026-11-20T10:30:00Z")], "P99_9", 30, 40.3, 30 / 40.32],
    ["two separate incidents add up", [w("2026-11-20T10:00:00Z", "2026-11-20T10:20:00Z"), w("2026-11-21T10:00:00Z", "2026-11-21T10:10:00Z")], "P99_9", 30, 40.3, 30 / 40.32],
    // 99.0%: 403.2 min.
    ["an open incident counts to now", [w("2026-11-30T23:00:00Z", null)], "P99_0", 60, 403.2, 60 / 403.2],
    // 99.99%: 4.032 min; a 10-minute outage is 248% of it.
    ["more than the whole budget at 99.99%", [w("2026-11-20T10:00:00Z", "2026-11-20T10:10:00Z")], "P99_99", 10, 4, 10 / 4.032],
  ] as const)("%s", (_, windows, target, minutes, budgetMinutes, share) => {
    const cost = releaseBudgetCost(windows, target, now);
    expect(cost.minutes).toBe(minutes);
    expect(cost.budgetMinutes).toBe(budgetMinutes);
    expect(cost.share).toBeCloseTo(share, 6);
  });

  it("says the cost in words", () => {
    expect(budgetCostWords({ minutes: 0, budgetMinutes: 40.3, share: 0 })).toBe("no budget");
    expect(budgetCostWords({ minutes: 20, budgetMinutes: 40.3, share: 20 / 40.32 })).toBe("20 min (49.6% of the 28-day budget)");
  });
});
