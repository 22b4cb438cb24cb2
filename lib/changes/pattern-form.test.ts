import { describe, expect, it } from "vitest";
import { AppError, parseInput } from "../errors";
import { mapRuleErrors, patternInputFromForm } from "./pattern-form";
import { ZPattern } from "./schemas";

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("the rule builder form", () => {
  it("builds typed rules from the ticked rules and their parameters", () => {
    const { input } = patternInputFromForm(form([
      ["name", "Routine"], ["slug", "routine"], ["environmentIds", "env-prod"], ["tiers", "TIER_2"], ["tiers", "TIER_3"],
      ["rule-change-failure-rate", "on"], ["rule-change-failure-rate-days", "30"], ["rule-change-failure-rate-maxPercent", "15"],
      ["rule-track-record-days", "30"], // not ticked: ignored
      ["rule-tier", "on"], ["rule-tier-tiers", "TIER_3"],
      ["rule-on-call", "on"],
    ]));
    expect(parseInput(ZPattern, input)).toMatchObject({
      tiers: ["TIER_2", "TIER_3"],
      environmentIds: ["env-prod"],
      rules: [{ kind: "tier", tiers: ["TIER_3"] }, { kind: "change-failure-rate", days: 30, maxPercent: 15 }, { kind: "on-call" }],
    });
  });

  it("puts each rule's error under its own input", () => {
    const { input, kinds } = patternInputFromForm(form([["name", "Routine"], ["slug", "routine"], ["rule-tier", "on"], ["rule-health-checks-passed", "on"], ["rule-health-checks-passed-count", "0"]]));
    let error: unknown;
    try {
      parseInput(ZPattern, input);
    } catch (caught) {
      error = mapRuleErrors(caught, kinds);
    }
    expect(error).toBeInstanceOf(AppError);
    expect(Object.keys((error as AppError).fieldErrors).sort()).toEqual(["rule-health-checks-passed-count", "rule-tier-tiers"]);
  });
});
