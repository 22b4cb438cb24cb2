import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { calendarRange, segmentsByDay } from "./calendar";
import type { FinalShift } from "./shift-engine";

const shift = (zone: string, start: string, end: string, personId = "a"): FinalShift => ({
  layer: "PRIMARY", personId, start: DateTime.fromISO(start, { zone }).toJSDate(), end: DateTime.fromISO(end, { zone }).toJSDate(),
  source: "ROTATION", overrideId: null, overrideKind: null, rotationPersonId: personId, leaveIds: [],
});

describe("calendarRange", () => {
  it.each([
    // view, anchor, zone, first day, last day, label
    ["month", "2026-03-15", "Europe/London", "2026-02-23", "2026-04-05", "March 2026"],
    ["week", "2026-11-01", "America/New_York", "2026-10-26", "2026-11-01", "Week of 26 Oct 2026"],
    ["month", "2026-10-10", "Australia/Sydney", "2026-09-28", "2026-11-01", "October 2026"],
  ] as const)("%s of %s in %s: %s … %s", (view, anchor, zone, first, last, label) => {
    const range = calendarRange(view, anchor, zone);
    expect([range.days[0], range.days.at(-1), range.label]).toEqual([first, last, label]);
    expect(range.from).toEqual(DateTime.fromISO(first, { zone }).toJSDate());
    // Asked again (memoised), the answer is the same, and changing the returned days does not leak.
    range.days.push("mutated");
    expect(calendarRange(view, anchor, zone).days.at(-1)).toBe(last);
  });
});

describe("segmentsByDay", () => {
  it.each([
    // A shift over the London spring-forward night: the 29 Mar day is 23 hours long but labels stay wall-clock.
    ["Europe/London", "2026-03-28T18:00", "2026-03-30T09:00", ["2026-03-28", "2026-03-29", "2026-03-30"], [["18:00", "24:00"], ["00:00", "24:00"], ["00:00", "09:00"]]],
    // New York fall-back: the 1 Nov day is 25 hours long.
    ["America/New_York", "2026-10-31T17:00", "2026-11-01T12:00", ["2026-10-31", "2026-11-01"], [["17:00", "24:00"], ["00:00", "12:00"]]],
  ] as const)("%s %s → %s", (zone, start, end, days, expected) => {
    for (let run = 0; run < 2; run += 1) {
      const segments = segmentsByDay([shift(zone, start, end)], days, zone);
      expect(days.map((day) => segments.get(day)!.map((segment) => [segment.from, segment.to])[0])).toEqual(expected);
    }
  });
});

describe("segmentsByDay with working hours and leave", () => {
  const zone = "Europe/London";
  // Mon 7 Dec 2026 is a working day, Fri 25 Dec a public holiday, Sat 26 Dec a weekend day.
  const hours = { timeZone: zone, workdayStartMinute: 540, workdayEndMinute: 1020, workingDays: [1, 2, 3, 4, 5], holidays: new Set(["2026-12-25"]) };
  const week = shift(zone, "2026-12-07T00:00", "2026-12-28T00:00");

  it("leaves the working window of a working day to the team, and covers holidays and weekends whole", () => {
    const segments = segmentsByDay([week], ["2026-12-07", "2026-12-25", "2026-12-26"], zone, { hours });
    const spans = (day: string) => segments.get(day)!.map((segment) => `${segment.from}–${segment.to}`);
    expect(spans("2026-12-07")).toEqual(["00:00–09:00", "17:00–24:00"]);
    expect(spans("2026-12-25")).toEqual(["00:00–24:00"]);
    expect(spans("2026-12-26")).toEqual(["00:00–24:00"]);
  });

  it("marks a segment on leave only where the leave falls, not the whole shift", () => {
    const onLeave = { ...week, leaveIds: ["leave-1"] };
    const leave = [{ id: "leave-1", startsAt: DateTime.fromISO("2026-12-10T00:00", { zone }).toJSDate(), endsAt: DateTime.fromISO("2026-12-12T00:00", { zone }).toJSDate() }];
    const days = ["2026-12-09", "2026-12-10", "2026-12-11", "2026-12-12", "2026-12-17"];
    const segments = segmentsByDay([onLeave], days, zone, { leave });
    expect(days.map((day) => segments.get(day)!.some((segment) => segment.onLeave))).toEqual([false, true, true, false, false]);
  });
});
