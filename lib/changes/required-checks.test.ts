import { describe, expect, it } from "vitest";
import { requiredChecksVerdict, type ReportedCheck } from "./required-checks";

const finishedAt = new Date("2026-11-20T10:00:00Z");
const at = (minutes: number) => new Date(finishedAt.getTime() + minutes * 60_000);
const required = [{ name: "smoke", deadlineMinutes: 15 }, { name: "synthetics", deadlineMinutes: 60 }];

describe("required health checks", () => {
  it.each<[string, ReportedCheck[], number, string]>([
    ["nothing reported yet, in time", [], 5, "PENDING"],
    ["one passed, the other still has time", [{ name: "smoke", status: "PASS", checkedAt: at(3) }], 20, "PENDING"],
    ["both passed in time", [{ name: "smoke", status: "PASS", checkedAt: at(3) }, { name: "synthetics", status: "PASS", checkedAt: at(40) }], 41, "PASSED"],
    ["a failure in time fails, even with a later pass", [{ name: "smoke", status: "FAIL", checkedAt: at(2) }, { name: "smoke", status: "PASS", checkedAt: at(4) }], 5, "FAILED"],
    ["smoke's deadline went by", [{ name: "synthetics", status: "PASS", checkedAt: at(10) }], 16, "MISSING"],
    ["a pass after the deadline does not count", [{ name: "smoke", status: "PASS", checkedAt: at(16) }, { name: "synthetics", status: "PASS", checkedAt: at(10) }], 17, "MISSING"],
    ["a result from before the deployment finished does not count", [{ name: "smoke", status: "PASS", checkedAt: at(-1) }], 16, "MISSING"],
    ["failed beats missing", [{ name: "synthetics", status: "FAIL", checkedAt: at(30) }], 61, "FAILED"],
    ["other check names are ignored", [{ name: "load", status: "FAIL", checkedAt: at(1) }], 2, "PENDING"],
  ])("%s", (_name, reported, minutes, status) => {
    expect(requiredChecksVerdict(required, reported, finishedAt, at(minutes)).status).toBe(status);
  });

  it("says when the next deadline falls", () => {
    expect(requiredChecksVerdict(required, [], finishedAt, at(1)).nextDueAt).toEqual(at(15));
    expect(requiredChecksVerdict(required, [{ name: "smoke", status: "PASS", checkedAt: at(1) }], finishedAt, at(2)).nextDueAt).toEqual(at(60));
    expect(requiredChecksVerdict([], [], finishedAt, at(1))).toEqual({ status: "PASSED", checks: [], nextDueAt: null });
  });
});
