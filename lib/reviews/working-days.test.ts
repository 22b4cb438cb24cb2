import { describe, expect, it } from "vitest";
import { addWorkingDays } from "./working-days";

const london = (holidays: string[] = []) => ({ timeZone: "Europe/London", holidays: new Set(holidays) });

describe("addWorkingDays", () => {
  it.each([
    // from (UTC), days, holidays, expected (UTC)
    ["Monday + 10 is the Monday a fortnight later", "2026-11-02T10:00:00Z", 10, [], "2026-11-16T10:00:00Z"],
    ["Friday + 1 is Monday", "2026-11-06T15:00:00Z", 1, [], "2026-11-09T15:00:00Z"],
    ["Saturday + 1 is Monday", "2026-11-07T09:00:00Z", 1, [], "2026-11-09T09:00:00Z"],
    ["Sunday + 10 is the Friday after next", "2026-11-08T09:00:00Z", 10, [], "2026-11-20T09:00:00Z"],
    ["Christmas and Boxing Day (a Monday off) are skipped", "2026-12-21T10:00:00Z", 5, ["2026-12-25", "2026-12-28"], "2026-12-30T10:00:00Z"],
    ["a holiday on a weekend changes nothing", "2026-11-06T10:00:00Z", 1, ["2026-11-07"], "2026-11-09T10:00:00Z"],
    // London leaves summer time on 25 October 2026: 10:00 local is 09:00Z before and 10:00Z after.
    ["keeps the local time across the DST change", "2026-10-19T09:00:00Z", 10, [], "2026-11-02T10:00:00Z"],
    ["zero days is the same instant", "2026-11-02T10:00:00Z", 0, [], "2026-11-02T10:00:00Z"],
  ])("%s", (_name, from, days, holidays, expected) => {
    expect(addWorkingDays(new Date(from), days, london(holidays)).toISOString()).toBe(new Date(expected).toISOString());
  });

  it("counts weekdays in the calendar's own zone (Friday 23:30 UTC is Saturday in Sydney)", () => {
    const sydney = { timeZone: "Australia/Sydney", holidays: new Set<string>() };
    expect(addWorkingDays(new Date("2026-11-06T23:30:00Z"), 1, sydney).toISOString()).toBe("2026-11-08T23:30:00.000Z");
  });
});
