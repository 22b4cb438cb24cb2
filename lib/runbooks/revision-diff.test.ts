import { describe, expect, it } from "vitest";
import { lineDiff, listDiff, revisionDiff } from "./revision-diff";

describe("lineDiff", () => {
  it("marks added and removed lines with their line numbers", () => {
    const diff = lineDiff("a\nb\nc\n", "a\nB\nc\nd\n");
    expect(diff.added).toBe(2);
    expect(diff.removed).toBe(1);
    expect(diff.hunks).toHaveLength(1);
    expect(diff.hunks[0]!.lines).toEqual([
      { kind: "same", text: "a", oldNumber: 1, newNumber: 1 },
      { kind: "remove", text: "b", oldNumber: 2, newNumber: null },
      { kind: "add", text: "B", oldNumber: null, newNumber: 2 },
      { kind: "same", text: "c", oldNumber: 3, newNumber: 3 },
      { kind: "add", text: "d", oldNumber: null, newNumber: 4 },
    ]);
  });

  it("folds unchanged lines far from a change into separate hunks", () => {
    const before = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`).join("\n");
    const after = before.replace("line 5\n", "line five\n").replace("line 35\n", "line thirty-five\n");
    const diff = lineDiff(before, after, 2);
    expect(diff.hunks).toHaveLength(2);
    expect(diff.hunks[0]!.skippedBefore).toBe(2);
    expect(diff.hunks[0]!.lines.map((line) => line.text)).toEqual(["line 3", "line 4", "line 5", "line five", "line 6", "line 7"]);
    expect(diff.hunks[1]!.skippedBefore).toBe(25);
  });

  it.each([
    ["", "", 0, 0],
    ["same\n", "same\n", 0, 0],
    ["", "new\n", 1, 0],
    ["gone\n", "", 0, 1],
    ["no newline", "no newline\n", 1, 1],
  ])("%j → %j: +%i −%i", (before, after, added, removed) => {
    const diff = lineDiff(before, after);
    expect([diff.added, diff.removed]).toEqual([added, removed]);
  });
});

describe("listDiff and revisionDiff", () => {
  it("reports tags that came and went, whatever their order", () => {
    expect(listDiff(["db", "payments"], ["payments", "failover", "db"])).toEqual({ added: ["failover"], removed: [] });
    expect(listDiff(["a", "b"], ["c"])).toEqual({ added: ["c"], removed: ["a", "b"] });
  });

  it("says when two revisions are identical", () => {
    const content = { title: "T", body: "x\n", tags: ["a"], alertNames: ["HighErrorRate"] };
    expect(revisionDiff(content, { ...content }).unchanged).toBe(true);
    const changed = revisionDiff(content, { ...content, title: "T2", alertNames: [] });
    expect(changed.unchanged).toBe(false);
    expect(changed.title).toEqual({ before: "T", after: "T2" });
    expect(changed.alertNames.removed).toEqual(["HighErrorRate"]);
  });
});
