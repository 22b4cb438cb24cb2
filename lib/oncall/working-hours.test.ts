import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { splitHours, workingState, type WorkingHours } from "./working-hours";

const london: WorkingHours = {
  timeZone: "Europe/London",
  workdayStartMinute: 540,
  workdayEndMinute: 1020,
  workingDays: [1, 2, 3, 4, 5],
  holidays: new Set(["2026-12-25", "2026-12-28"]),
};
const at = (iso: string, zone = "Europe/London") => DateTime.fromISO(iso, { zone }).toJSDate();

describe("splitHours", () => {
  it.each([
    ["a working day", "2026-11-23T00:00", "2026-11-24T00:00", { inHours: 8, outOfHours: 16, weekend: 0, holiday: 0 }],
    ["a weekend", "2026-11-28T00:00", "2026-11-30T00:00", { inHours: 0, outOfHours: 0, weekend: 48, holiday: 0 }],
    ["a week from Monday 09:00", "2026-11-23T09:00", "2026-11-30T09:00", { inHours: 40, outOfHours: 80, weekend: 48, holiday: 0 }],
    ["Christmas Day (Friday) is a holiday, Boxing Day a weekend", "2026-12-25T00:00", "2026-12-27T00:00", { inHours: 0, outOfHours: 0, weekend: 24, holiday: 24 }],
    ["the substitute holiday on Monday 28 December", "2026-12-28T00:00", "2026-12-29T00:00", { inHours: 0, outOfHours: 0, weekend: 0, holiday: 24 }],
    ["the autumn DST Sunday has 25 hours", "2026-10-25T00:00", "2026-10-26T00:00", { inHours: 0, outOfHours: 0, weekend: 25, holiday: 0 }],
    ["the spring DST week from Monday 09:00 has 167 hours", "2026-03-23T09:00", "2026-03-30T09:00", { inHours: 40, outOfHours: 80, weekend: 47, holiday: 0 }],
    ["an evening", "2026-11-24T17:00", "2026-11-24T23:00", { inHours: 0, outOfHours: 6, weekend: 0, holiday: 0 }],
  ])("%s", (_name, start, end, expected) => {
    expect(splitHours(at(start), at(end), london)).toEqual(expected);
  });

  it("counts local days in the schedule's zone, far from UTC and across its DST change, the same on a second call", () => {
    const auckland: WorkingHours = { ...london, timeZone: "Pacific/Auckland", holidays: new Set(["2026-12-25"]) };
    // Auckland leaves DST on Sunday 5 April 2026 (a 25-hour day); Thursday 24 December to Tuesday 29 December holds Christmas Day.
    const week = { inHours: 40, outOfHours: 80, weekend: 49, holiday: 0 };
    expect(splitHours(at("2026-03-30T09:00", "Pacific/Auckland"), at("2026-04-06T09:00", "Pacific/Auckland"), auckland)).toEqual(week);
    expect(splitHours(at("2026-03-30T09:00", "Pacific/Auckland"), at("2026-04-06T09:00", "Pacific/Auckland"), auckland)).toEqual(week);
    expect(splitHours(at("2026-12-24T17:00", "Pacific/Auckland"), at("2026-12-29T09:00", "Pacific/Auckland"), auckland)).toEqual({ inHours: 8, outOfHours: 7 + 16 + 9, weekend: 48, holiday: 24 });
  });
});

describe("workingState", () => {
  it.each([
    ["Tuesday 10:00 is in hours until 17:00", "2026-11-24T10:00", true, "2026-11-24T17:00"],
    ["Tuesday 08:00 is out of hours until 09:00", "2026-11-24T08:00", false, "2026-11-24T09:00"],
    ["Friday 18:00 is out of hours until Monday 09:00", "2026-11-27T18:00", false, "2026-11-30T09:00"],
    ["Christmas Eve 18:00 waits for the 29th (25th and 28th are holidays)", "2026-12-24T18:00", false, "2026-12-29T09:00"],
  ])("%s", (_name, instant, inHours, changesAt) => {
    expect(workingState(at(instant), london)).toEqual({ inHours, changesAt: at(changesAt) });
  });

  it("uses the schedule's zone: 09:30 in Sydney is in hours while London sleeps", () => {
    const sydney = { ...london, timeZone: "Australia/Sydney", holidays: new Set<string>() };
    expect(workingState(at("2026-11-24T09:30", "Australia/Sydney"), sydney).inHours).toBe(true);
    expect(workingState(at("2026-11-24T09:30", "Australia/Sydney"), london).inHours).toBe(false);
  });
});
