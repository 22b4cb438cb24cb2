import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { continueOrderFrom, finalShifts, handoffAtOrBefore, rotationPeopleAt, rotationShifts, shiftAt, type OverrideInput, type RotationVersion, type ScheduleInput } from "./shift-engine";

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const local = (date: Date, zone: string) => DateTime.fromJSDate(date, { zone }).toFormat("yyyy-MM-dd HH:mm");
const hours = (start: Date, end: Date) => (end.getTime() - start.getTime()) / 3_600_000;

const weekly = (effectiveFrom: Date, participantIds: string[], extra: Partial<RotationVersion> = {}): RotationVersion => ({
  effectiveFrom, rotationDays: 7, handoffWeekday: 1, handoffMinute: 540, participantIds, ...extra,
});

function schedule(zone: string, rotations: RotationVersion[], extra: Partial<ScheduleInput> = {}): ScheduleInput {
  return { timeZone: zone, hasSecondary: false, rotations, overrides: [], leave: [], ...extra };
}

describe("handoffAtOrBefore", () => {
  it.each([
    // zone, instant (local), weekday, minute, expected local handoff
    ["Europe/London", "2026-03-25T12:00", 1, 540, "2026-03-23 09:00"],
    ["Europe/London", "2026-03-23T09:00", 1, 540, "2026-03-23 09:00"],
    ["Europe/London", "2026-03-23T08:59", 1, 540, "2026-03-16 09:00"],
    ["America/New_York", "2026-11-01T01:30", 7, 60, "2026-11-01 01:00"],
    ["Australia/Sydney", "2026-04-06T10:00", 1, 540, "2026-04-06 09:00"],
  ])("%s %s, weekday %i minute %i → %s", (zone, instant, weekday, minute, expected) => {
    expect(handoffAtOrBefore(at(instant, zone), zone, weekday, minute).toFormat("yyyy-MM-dd HH:mm")).toBe(expected);
  });
});

describe("rotation shifts across DST changes", () => {
  // Each row: a weekly Monday 09:00 handoff over a DST change keeps its wall-clock time; the week is ±1 hour.
  it.each([
    ["Europe/London", "2026-03-23T09:00", "2026-03-30 09:00", 167], // clocks forward 29 Mar (Sunday night)
    ["Europe/London", "2026-10-19T09:00", "2026-10-26 09:00", 169], // clocks back 25 Oct
    ["America/New_York", "2026-03-02T09:00", "2026-03-09 09:00", 167], // forward 8 Mar
    ["America/New_York", "2026-10-26T09:00", "2026-11-02 09:00", 169], // back 1 Nov
    ["Australia/Sydney", "2026-09-28T09:00", "2026-10-05 09:00", 167], // forward 4 Oct (southern spring)
    ["Australia/Sydney", "2026-03-30T09:00", "2026-04-06 09:00", 169], // back 5 Apr
  ])("%s week from %s ends at %s local, %i hours long", (zone, startIso, expectedEnd, expectedHours) => {
    const start = at(startIso, zone);
    const shifts = rotationShifts(schedule(zone, [weekly(at("2026-01-05T09:00", zone), ["a", "b", "c"])]), start, new Date(start.getTime() + 1));
    expect(shifts).toHaveLength(1);
    const end = rotationShifts(schedule(zone, [weekly(at("2026-01-05T09:00", zone), ["a", "b", "c"])]), start, new Date(start.getTime() + 8 * 86_400_000))[0]!.end;
    expect(local(shifts[0]!.start, zone)).toBe(local(start, zone));
    expect(local(end, zone)).toBe(expectedEnd);
    expect(hours(start, end)).toBe(expectedHours);
  });

  it("a daily 01:30 handoff on the London spring-forward day moves to 02:30 (01:00–02:00 does not exist)", () => {
    const zone = "Europe/London";
    const shifts = rotationShifts(
      schedule(zone, [weekly(at("2026-03-27T01:30", zone), ["a", "b"], { rotationDays: 1, handoffWeekday: 5, handoffMinute: 90 })]),
      at("2026-03-28T12:00", zone),
      at("2026-03-30T12:00", zone),
    );
    expect(shifts.map((shift) => local(shift.start, zone))).toEqual(["2026-03-28 12:00", "2026-03-29 02:30", "2026-03-30 01:30"]);
  });
});

describe("rotation order and edits", () => {
  const zone = "Europe/London";
  const v1 = weekly(at("2026-01-05T09:00", zone), ["ana", "ben", "cy"]);

  it("rotates through participants week by week, wrapping round", () => {
    const shifts = rotationShifts(schedule(zone, [v1]), at("2026-01-05T09:00", zone), at("2026-02-09T09:00", zone));
    expect(shifts.map((shift) => shift.primary)).toEqual(["ana", "ben", "cy", "ana", "ben"]);
  });

  it.each([
    ["an edit mid-shift cuts the shift and starts the new order", "2026-01-21T12:00", ["dee", "ana", "ben", "cy"], ["ana", "ben", "cy", "dee", "ana"], "2026-01-21 12:00"],
    ["adding a person from a handoff", "2026-01-19T09:00", ["cy", "dee", "ana", "ben"], ["ana", "ben", "cy", "dee"], "2026-01-19 09:00"],
    ["removing a person from a handoff", "2026-01-19T09:00", ["cy", "ana"], ["ana", "ben", "cy", "ana"], "2026-01-19 09:00"],
  ])("%s", (_name, effective, people, expected, cut) => {
    const v2 = weekly(at(effective, zone), people);
    const shifts = rotationShifts(schedule(zone, [v2, v1]), at("2026-01-05T09:00", zone), at("2026-02-02T09:00", zone));
    expect(shifts.map((shift) => shift.primary)).toEqual(expected);
    expect(shifts.some((shift) => local(shift.start, zone) === cut)).toBe(true);
    // No gaps and no overlaps across the edit.
    for (let i = 1; i < shifts.length; i += 1) expect(shifts[i]!.start.getTime()).toBe(shifts[i - 1]!.end.getTime());
  });

  it("does not invent shifts before the first version or for an empty rotation", () => {
    expect(rotationShifts(schedule(zone, [v1]), at("2025-12-01T00:00", zone), at("2026-01-05T09:00", zone))).toEqual([]);
    expect(rotationShifts(schedule(zone, [weekly(v1.effectiveFrom, [])]), at("2026-01-05T09:00", zone), at("2026-02-05T09:00", zone))).toEqual([]);
  });

  it("gives the secondary to the next person in the order", () => {
    const shifts = rotationShifts(schedule(zone, [v1], { hasSecondary: true }), at("2026-01-05T09:00", zone), at("2026-01-19T09:00", zone));
    expect(shifts.map((shift) => [shift.primary, shift.secondary])).toEqual([["ana", "ben"], ["ben", "cy"]]);
  });
});

describe("final shifts with overrides and leave", () => {
  const zone = "America/New_York";
  const rotation = [weekly(at("2026-01-05T09:00", zone), ["ana", "ben", "cy"])];
  const override = (id: string, personId: string, start: string, end: string, createdAt = "2026-01-01T00:00", layer: OverrideInput["layer"] = "PRIMARY"): OverrideInput => ({
    id, layer, personId, startsAt: at(start, zone), endsAt: at(end, zone), kind: "COVER", createdAt: at(createdAt, zone),
  });
  const week = [at("2026-01-05T09:00", zone), at("2026-01-12T09:00", zone)] as const;

  it.each([
    ["an override inside a shift splits it in three", [override("o1", "cy", "2026-01-07T18:00", "2026-01-08T09:00")], ["ana", "cy", "ana"]],
    ["an override over the whole shift replaces it", [override("o1", "ben", "2026-01-05T09:00", "2026-01-12T09:00")], ["ben"]],
    ["an override at the start", [override("o1", "cy", "2026-01-01T00:00", "2026-01-06T09:00")], ["cy", "ana"]],
    ["the later of two overlapping overrides wins", [
      override("o2", "ben", "2026-01-07T00:00", "2026-01-09T00:00", "2026-01-02T00:00"),
      override("o1", "cy", "2026-01-06T00:00", "2026-01-08T00:00", "2026-01-01T00:00"),
    ], ["ana", "cy", "ben", "ana"]],
    ["a secondary-layer override leaves the primary alone", [override("o1", "cy", "2026-01-06T00:00", "2026-01-07T00:00", undefined, "SECONDARY")], ["ana"]],
  ])("%s", (_name, overrides, expectedPrimaries) => {
    const shifts = finalShifts(schedule(zone, rotation, { overrides }), ...week).filter((shift) => shift.layer === "PRIMARY");
    expect(shifts.map((shift) => shift.personId)).toEqual(expectedPrimaries);
    for (let i = 1; i < shifts.length; i += 1) expect(shifts[i]!.start.getTime()).toBe(shifts[i - 1]!.end.getTime());
  });

  it("marks an override with who it replaces", () => {
    const shifts = finalShifts(schedule(zone, rotation, { overrides: [override("o1", "cy", "2026-01-07T18:00", "2026-01-08T09:00")] }), ...week);
    const covered = shifts.find((shift) => shift.source === "OVERRIDE")!;
    expect(covered).toMatchObject({ personId: "cy", rotationPersonId: "ana", overrideId: "o1", overrideKind: "COVER" });
  });

  it("flags shifts that clash with the person's leave and no others", () => {
    const leave = [{ id: "l1", personId: "ana", startsAt: at("2026-01-10T00:00", zone), endsAt: at("2026-01-11T00:00", zone) }];
    const shifts = finalShifts(schedule(zone, rotation, { leave }), at("2026-01-05T09:00", zone), at("2026-01-19T09:00", zone));
    expect(shifts.map((shift) => [shift.personId, shift.leaveIds])).toEqual([["ana", ["l1"]], ["ben", []]]);
  });

  it("covering the leave with an override clears the clash", () => {
    const leave = [{ id: "l1", personId: "ana", startsAt: at("2026-01-10T00:00", zone), endsAt: at("2026-01-11T00:00", zone) }];
    const overrides = [override("o1", "ben", "2026-01-10T00:00", "2026-01-11T00:00")];
    const shifts = finalShifts(schedule(zone, rotation, { leave, overrides }), ...week);
    expect(shifts.every((shift) => shift.leaveIds.length === 0)).toBe(true);
  });

  it("finds the current and the next person", () => {
    const shifts = finalShifts(schedule(zone, rotation), at("2026-01-05T09:00", zone), at("2026-01-26T09:00", zone));
    const { current, next } = shiftAt(shifts, "PRIMARY", at("2026-01-13T00:00", zone));
    expect(current?.personId).toBe("ben");
    expect(next?.personId).toBe("cy");
    expect(local(next!.start, zone)).toBe("2026-01-19 09:00");
  });
});

describe("settings changes effective from a date", () => {
  // Each row: a schedule that changes zone, handoff or length from a date on the far side of a DST change.
  // The shifts before the change keep their boundaries; after it, the new settings apply.
  it.each([
    {
      name: "London → New York zone, same Monday 09:00 handoff, after both spring changes",
      first: { zone: "Europe/London", from: "2026-03-02T09:00" },
      change: { zone: "America/New_York", from: "2026-04-06T09:00", weekday: 1, minute: 540, days: 7 },
      // Before: London 09:00 handoffs, across the 29 Mar change. After: New York 09:00 (14:00 in London, BST).
      expectedStarts: ["2026-03-30 09:00 Europe/London", "2026-04-06 09:00 Europe/London", "2026-04-06 14:00 Europe/London", "2026-04-13 09:00 America/New_York"],
    },
    {
      name: "Sydney weekly → daily 18:00 handoff from the Saturday after clocks go back (5 Apr)",
      first: { zone: "Australia/Sydney", from: "2026-03-02T09:00" },
      change: { zone: "Australia/Sydney", from: "2026-04-11T12:00", weekday: 1, minute: 1080, days: 1 },
      expectedStarts: ["2026-03-30 09:00 Australia/Sydney", "2026-04-06 09:00 Australia/Sydney", "2026-04-11 12:00 Australia/Sydney", "2026-04-11 18:00 Australia/Sydney"],
    },
    {
      name: "New York Monday 09:00 → Friday 17:00 handoff across the November fall-back",
      first: { zone: "America/New_York", from: "2026-10-05T09:00" },
      change: { zone: "America/New_York", from: "2026-11-04T12:00", weekday: 5, minute: 1020, days: 7 },
      expectedStarts: ["2026-10-26 09:00 America/New_York", "2026-11-02 09:00 America/New_York", "2026-11-04 12:00 America/New_York", "2026-11-06 17:00 America/New_York"],
    },
  ])("$name", ({ first, change, expectedStarts }) => {
    const v1 = weekly(at(first.from, first.zone), ["a", "b", "c"], { timeZone: first.zone });
    const before = schedule(first.zone, [v1]);
    const effective = at(change.from, change.zone);
    const v2 = weekly(effective, ["b", "c", "a"], { timeZone: change.zone, handoffWeekday: change.weekday, handoffMinute: change.minute, rotationDays: change.days });
    // The schedule row's zone is the new one now: versions carry their own, so the past does not move.
    const after = schedule(change.zone, [v1, v2]);
    const windowFrom = new Date(effective.getTime() - 16 * 86_400_000);
    const windowTo = new Date(effective.getTime() + 8 * 86_400_000);
    const shiftsBefore = rotationShifts(before, windowFrom, effective);
    const shiftsAfter = rotationShifts(after, windowFrom, windowTo);
    // Everything before the change is identical.
    expect(shiftsAfter.filter((shift) => shift.start < effective).map((shift) => [shift.start.getTime(), shift.end.getTime(), shift.primary])).toEqual(
      shiftsBefore.map((shift) => [shift.start.getTime(), shift.end.getTime(), shift.primary]),
    );
    // The two shifts before the change and the first two from it.
    const around = [...shiftsAfter.filter((shift) => shift.start < effective).slice(-2), ...shiftsAfter.filter((shift) => shift.start >= effective).slice(0, 2)];
    const starts = around.map((shift, index) => {
      const zone = expectedStarts[index]!.split(" ")[2]!;
      return `${local(shift.start, zone)} ${zone}`;
    });
    expect(starts).toEqual(expectedStarts);
    // The first person of the new order takes the stretch from the effective date.
    expect(shiftsAfter.find((shift) => shift.start.getTime() === effective.getTime())?.primary).toBe("b");
  });

  it("turning the secondary layer on from a date leaves earlier shifts without a secondary", () => {
    const zone = "Europe/London";
    const v1 = weekly(at("2026-03-02T09:00", zone), ["a", "b", "c"], { timeZone: zone, hasSecondary: false });
    const v2 = weekly(at("2026-03-30T09:00", zone), ["a", "b", "c"], { timeZone: zone, hasSecondary: true });
    const shifts = finalShifts(schedule(zone, [v1, v2], { hasSecondary: true }), at("2026-03-23T09:00", zone), at("2026-04-06T09:00", zone));
    expect(shifts.map((shift) => `${shift.layer} ${local(shift.start, zone)} ${shift.personId}`)).toEqual([
      "PRIMARY 2026-03-23 09:00 a",
      "PRIMARY 2026-03-30 09:00 a",
      "SECONDARY 2026-03-30 09:00 b",
    ]);
  });
});

describe("secondary as its own rotation", () => {
  const zone = "America/New_York";
  it.each([
    // secondaryIds, expected primary/secondary per week over four weeks
    [[], ["a/b", "b/c", "c/a", "a/b"]],
    [["x", "y"], ["a/x", "b/y", "c/x", "a/y"]],
    [["c", "a", "b"], ["a/c", "b/a", "c/b", "a/c"]],
    [["z"], ["a/z", "b/z", "c/z", "a/z"]],
  ])("secondary rotation %j", (secondaryIds, expected) => {
    const input = schedule(zone, [weekly(at("2026-10-19T09:00", zone), ["a", "b", "c"], { hasSecondary: true, secondaryIds })], { hasSecondary: true });
    // Four weeks across the 1 Nov fall-back: boundaries stay at Monday 09:00 local.
    const shifts = rotationShifts(input, at("2026-10-19T09:00", zone), at("2026-11-16T09:00", zone));
    expect(shifts.map((shift) => `${shift.primary}/${shift.secondary}`)).toEqual(expected);
    expect(shifts.map((shift) => local(shift.start, zone).slice(11))).toEqual(["09:00", "09:00", "09:00", "09:00"]);
  });

  it("overrides on the secondary layer replace the secondary rotation's person only", () => {
    const input = schedule(zone, [weekly(at("2026-10-19T09:00", zone), ["a", "b", "c"], { hasSecondary: true, secondaryIds: ["x", "y"] })], {
      hasSecondary: true,
      overrides: [{ id: "o1", layer: "SECONDARY", personId: "q", startsAt: at("2026-10-20T00:00", zone), endsAt: at("2026-10-21T00:00", zone), kind: "ASSIGNED", createdAt: new Date(0) }],
    });
    const shifts = finalShifts(input, at("2026-10-19T09:00", zone), at("2026-10-26T09:00", zone));
    expect(shifts.filter((shift) => shift.layer === "SECONDARY").map((shift) => `${shift.personId} ${shift.rotationPersonId}`)).toEqual(["x x", "q x", "x x"]);
    expect(shifts.filter((shift) => shift.layer === "PRIMARY").map((shift) => shift.personId)).toEqual(["a"]);
  });
});

describe("continueOrderFrom and rotationPeopleAt", () => {
  it.each([
    [["a", "b", "c"], "b", ["b", "c", "a"]],
    [["a", "b", "c"], "a", ["a", "b", "c"]],
    [["a", "b", "c"], "z", ["a", "b", "c"]],
    [["a", "b", "c"], null, ["a", "b", "c"]],
  ])("%j from %s → %j", (ids, first, expected) => {
    expect(continueOrderFrom(ids, first)).toEqual(expected);
  });

  it("finds who the rotation has on each layer", () => {
    const zone = "Europe/London";
    const input = schedule(zone, [weekly(at("2026-03-02T09:00", zone), ["a", "b", "c"], { hasSecondary: true, secondaryIds: ["x", "y"] })]);
    expect(rotationPeopleAt(input, at("2026-03-10T12:00", zone))).toEqual({ primary: "b", secondary: "y" });
    expect(rotationPeopleAt(input, at("2026-03-01T12:00", zone))).toEqual({ primary: null, secondary: null });
  });
});
