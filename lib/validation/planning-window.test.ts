import { describe, expect, it } from "vitest";
import { planningWindowErrors } from "./planning-window";

const NOW = new Date("2026-12-03T12:00:00Z");
const FIELDS = { start: "startsAt", end: "endsAt" };
const at = (iso: string) => new Date(iso);

describe("planningWindowErrors", () => {
  it.each([
    ["today", "2026-12-03T15:00:00Z", "2026-12-04T15:00:00Z", {}],
    ["started within the day's grace", "2026-12-02T13:00:00Z", "2026-12-05T00:00:00Z", {}],
    ["just inside two years", "2028-12-01T00:00:00Z", "2028-12-02T11:00:00Z", {}],
    ["a start in 2020", "2020-01-01T00:00:00Z", "2020-01-02T00:00:00Z", { startsAt: ["That is in the past: give a date from 2026-12-02 on."] }],
    ["a start more than a day ago", "2026-12-02T11:59:00Z", "2026-12-05T00:00:00Z", { startsAt: ["That is in the past: give a date from 2026-12-02 on."] }],
    ["a start in 9999", "9999-01-01T00:00:00Z", "9999-01-02T00:00:00Z", { startsAt: ["That is more than two years ahead: give a date up to 2028-12-02."], endsAt: ["That is more than two years ahead: give a date up to 2028-12-02."] }],
    ["an end past the horizon", "2027-01-01T00:00:00Z", "2029-01-01T00:00:00Z", { endsAt: ["That is more than two years ahead: give a date up to 2028-12-02."] }],
  ])("%s", (_label, start, end, expected) => {
    expect(planningWindowErrors({ start: at(start), end: at(end) }, NOW, FIELDS)).toEqual(expected);
  });

  it("checks only what is given (an unplanned change) and names the caller's fields", () => {
    expect(planningWindowErrors({ start: null, end: undefined }, NOW, FIELDS)).toEqual({});
    expect(Object.keys(planningWindowErrors({ start: at("2019-05-05T00:00:00Z"), end: null }, NOW, { start: "plannedStart", end: "plannedEnd" }))).toEqual(["plannedStart"]);
  });

  it("takes other limits", () => {
    expect(planningWindowErrors({ start: at("2026-12-03T11:00:00Z"), end: null }, NOW, FIELDS, { graceMs: 0 })).toHaveProperty("startsAt");
    expect(planningWindowErrors({ start: at("2027-01-03T13:00:00Z"), end: null }, NOW, FIELDS, { horizonMs: 31 * 86_400_000 })).toHaveProperty("startsAt");
  });
});
