import { describe, expect, it } from "vitest";
import { mergeField, mergeText, resolvedText } from "./three-way-merge";

const base = ["# Checkout latency", "", "## Check", "Look at the dashboard.", "", "## Fix", "Restart the pods.", "", "## Escalate", "Page the team lead."].join("\n");

describe("mergeText", () => {
  it("applies edits to different sections by itself", () => {
    const mine = base.replace("Look at the dashboard.", "Look at the p99 dashboard.");
    const theirs = base.replace("Page the team lead.", "Page the team lead, then the domain schedule.");
    const merge = mergeText(base, mine, theirs);
    expect(merge.clean).toBe(true);
    expect(resolvedText(merge, [])).toBe(base.replace("Look at the dashboard.", "Look at the p99 dashboard.").replace("Page the team lead.", "Page the team lead, then the domain schedule."));
  });

  it("shows exactly the lines both changed as one conflict, and resolves it either way", () => {
    const mine = base.replace("Restart the pods.", "Scale the deployment up.");
    const theirs = base.replace("Restart the pods.", "Roll back the last release.");
    const merge = mergeText(base, mine, theirs);
    expect(merge.clean).toBe(false);
    const conflicts = merge.chunks.filter((chunk) => chunk.kind === "conflict");
    expect(conflicts).toEqual([{ kind: "conflict", mine: ["Scale the deployment up."], theirs: ["Roll back the last release."], base: ["Restart the pods."] }]);
    expect(resolvedText(merge, ["mine"])).toBe(mine);
    expect(resolvedText(merge, ["theirs"])).toBe(theirs);
    expect(resolvedText(merge, ["both"])).toContain("Roll back the last release.\nScale the deployment up.");
  });

  it("treats the same change on both sides as no conflict", () => {
    const both = base.replace("Restart the pods.", "Restart the pods one by one.");
    expect(mergeText(base, both, both).clean).toBe(true);
  });

  it("refuses to resolve with a conflict left open", () => {
    const merge = mergeText("a", "b", "c");
    expect(() => resolvedText(merge, [])).toThrow(/resolution/);
  });
});

describe("mergeField", () => {
  it("keeps the side that changed, and reports a clash", () => {
    expect(mergeField("T", "T", "New")).toEqual({ value: "New" });
    expect(mergeField("T", "Mine", "T")).toEqual({ value: "Mine" });
    expect(mergeField(["a"], ["a", "b"], ["a", "b"])).toEqual({ value: ["a", "b"] });
    expect(mergeField("T", "Mine", "Theirs")).toBeNull();
  });
});
