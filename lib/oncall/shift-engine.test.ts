import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { finalShifts, handoffAtOrBefore, rotationShifts, shiftAt, type OverrideInput, type RotationVersion, type ScheduleInput } from "./shift-engine";

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
