// Hand-worked availability, budget, burn-rate and time-to-restore cases. Every expected number is
// worked out in the comment beside it, not computed by the code under test.
import { describe, expect, it } from "vitest";
import type { AvailabilityTarget } from "../generated/prisma/enums.ts";
import { budgetMs, burnAlert, burnRate, HOUR, mergeWindows, MINUTE, periodAvailability, timeToRestore, unavailableMs, type ImpactWindow } from "./availability";
import { availabilityReport, targetAt, weeklyAvailability } from "./report";

const t = (iso: string) => new Date(iso);
const ms = (iso: string) => t(iso).getTime();
const win = (lost: string, regained: string | null): ImpactWindow => ({ lostAt: t(lost), regainedAt: regained ? t(regained) : null });
const since = (target: AvailabilityTarget, from = "2020-01-01T00:00:00Z") => ({ target, effectiveFrom: t(from) });
const minutes = (value: number) => value / MINUTE;

describe("merging impact windows", () => {
  const now = ms("2026-06-01T12:00:00Z");
  it.each<[string, ImpactWindow[], [string, string][]]>([
    ["disjoint windows stay apart, sorted", [win("2026-06-01T09:00Z", "2026-06-01T09:30Z"), win("2026-06-01T08:00Z", "2026-06-01T08:10Z")],
      [["2026-06-01T08:00Z", "2026-06-01T08:10Z"], ["2026-06-01T09:00Z", "2026-06-01T09:30Z"]]],
    // 10:00–11:00 and 10:30–11:30 overlap: one loss 10:00–11:30 (90 min, not 120).
    ["overlapping windows count once", [win("2026-06-01T10:00Z", "2026-06-01T11:00Z"), win("2026-06-01T10:30Z", "2026-06-01T11:30Z")],
      [["2026-06-01T10:00Z", "2026-06-01T11:30Z"]]],
    ["a window inside another adds nothing", [win("2026-06-01T08:00Z", "2026-06-01T10:00Z"), win("2026-06-01T08:30Z", "2026-06-01T08:40Z")],
      [["2026-06-01T08:00Z", "2026-06-01T10:00Z"]]],
    ["touching windows join", [win("2026-06-01T08:00Z", "2026-06-01T08:10Z"), win("2026-06-01T08:10Z", "2026-06-01T08:20Z")],
      [["2026-06-01T08:00Z", "2026-06-01T08:20Z"]]],
    ["an open window runs until now and swallows a later closed one", [win("2026-06-01T11:00Z", null), win("2026-06-01T11:10Z", "2026-06-01T11:20Z")],
      [["2026-06-01T11:00Z", "2026-06-01T12:00Z"]]],
    ["a window regained at or before it was lost is empty", [win("2026-06-01T08:00Z", "2026-06-01T08:00Z")], []],
  ])("%s", (_name, windows, expected) => {
    expect(mergeWindows(windows, now).map((interval) => [new Date(interval.from).toISOString(), new Date(interval.to).toISOString()]))
      .toEqual(expected.map(([from, to]) => [t(from).toISOString(), t(to).toISOString()]));
  });

  it("marks a loss still going on as open", () => {
    expect(mergeWindows([win("2026-06-01T11:00Z", null)], now)[0]).toMatchObject({ open: true, to: now });
    expect(mergeWindows([win("2026-06-01T11:00Z", "2026-06-01T11:05Z")], now)[0]!.open).toBe(false);
  });

  it("counts only the part of a window inside the period", () => {
    // 23:30–00:45 across midnight; the day from 00:00 holds 45 minutes of it.
    const merged = mergeWindows([win("2026-05-31T23:30Z", "2026-06-01T00:45Z")], now);
    expect(minutes(unavailableMs(merged, { from: ms("2026-06-01T00:00Z"), to: ms("2026-06-02T00:00Z") }))).toBe(45);
  });
});

describe("budget against the target in force", () => {
  const day28 = { from: ms("2026-05-04T00:00Z"), to: ms("2026-06-01T00:00Z") };
  it.each<[string, ReturnType<typeof since>[], number]>([
    // 28 days = 40,320 minutes; 99.9% tolerates 0.1% of them = 40.32 min.
    ["99.9% over 28 days", [since("P99_9")], 40.32],
    // 1% of 40,320 = 403.2 min.
    ["99.0% over 28 days", [since("P99_0")], 403.2],
    // 5% of 40,320 = 2,016 min.
    ["95.0% over 28 days", [since("P95_0")], 2016],
    // Raised from 99.0% to 99.9% on 18 May, half way: 14 days × 1,440 × 1% = 201.6, plus 14 × 1,440 × 0.1% = 20.16 → 221.76.
    ["a target raised half way applies from its date", [since("P99_0"), since("P99_9", "2026-05-18T00:00Z")], 221.76],
    // A change after the period does not reach back: all 28 days at 99.0%.
    ["a later change does not rewrite the period", [since("P99_0"), since("P99_9", "2026-06-10T00:00Z")], 403.2],
    // The first recorded target stands for the time before it: the whole period at 99.9%.
    ["the first target covers the time before it", [since("P99_9", "2026-05-25T00:00Z")], 40.32],
  ])("%s: %f min", (_name, changes, expected) => {
    expect(minutes(budgetMs(changes, day28))).toBeCloseTo(expected, 9);
  });

  it("holds a period with a target change to the time-weighted target", () => {
    // 221.76 min of budget on 40,320 min → target 1 − 221.76 / 40,320 = 99.45%. 210 minutes down is on target, 230 is not.
    const changes = [since("P99_0"), since("P99_9", "2026-05-18T00:00Z")];
    const down = (m: number) => mergeWindows([win("2026-05-10T00:00Z", new Date(ms("2026-05-10T00:00Z") + m * MINUTE).toISOString())], day28.to);
    expect(periodAvailability(down(210), changes, day28)).toMatchObject({ onTarget: true });
    expect(periodAvailability(down(210), changes, day28).target).toBeCloseTo(0.9945, 12);
    expect(periodAvailability(down(230), changes, day28).onTarget).toBe(false);
    // 230 min of 40,320 → availability 1 − 230/40,320 = 0.994295634…
    expect(periodAvailability(down(230), changes, day28).availability).toBeCloseTo(1 - 230 / 40_320, 12);
  });
});

describe("weeks are calendar weeks in Europe/London", () => {
  it("gives the week British Summer Time starts 167 hours and the week it ends 169", () => {
    // BST starts Sunday 29 March 2026 01:00 UTC and ends Sunday 25 October 2026 01:00 UTC.
    const spring = weeklyAvailability([], [since("P99_9")], { from: ms("2026-03-24T12:00Z"), now: ms("2026-04-06T12:00Z") });
    // Monday 23 March 00:00 GMT = 00:00Z; Monday 30 March 00:00 BST = 29 March 23:00Z: 167 h; budget 0.1% × 167 × 60 = 10.02 min.
    expect(spring[0]).toMatchObject({ week: "2026-03-23", from: t("2026-03-23T00:00:00Z"), to: t("2026-03-29T23:00:00Z") });
    expect(minutes(spring[0]!.budgetMs)).toBeCloseTo(10.02, 9);
    expect(spring.map((week) => week.week)).toEqual(["2026-03-23", "2026-03-30", "2026-04-06"]);
    // The current week runs from Monday 6 April 00:00 BST (5 April 23:00Z) to now.
    expect(spring[2]).toMatchObject({ from: t("2026-04-05T23:00:00Z"), to: t("2026-04-06T12:00:00Z") });

    const autumn = weeklyAvailability([], [since("P99_9")], { from: ms("2026-10-20T00:00Z"), now: ms("2026-10-27T00:00Z") });
    // Monday 19 October 00:00 BST = 18 October 23:00Z to Monday 26 October 00:00 GMT: 169 h → 10.14 min.
    expect(autumn[0]).toMatchObject({ week: "2026-10-19", from: t("2026-10-18T23:00:00Z"), to: t("2026-10-26T00:00:00Z") });
    expect(minutes(autumn[0]!.budgetMs)).toBeCloseTo(10.14, 9);
  });

  it("puts a loss at half past midnight BST on a Monday in that Monday's week, and splits one across the boundary", () => {
    const merged = mergeWindows([
      // Monday 30 March 00:30–00:50 BST = 29 March 23:30–23:50Z: all in the week of 30 March.
      win("2026-03-29T23:30Z", "2026-03-29T23:50Z"),
      // Sunday 5 April 23:40 BST – Monday 6 April 00:10 BST: 20 min in the week of 30 March, 10 in the next.
      win("2026-04-05T22:40Z", "2026-04-05T23:10Z"),
    ], ms("2026-04-08T00:00Z"));
    const weeks = weeklyAvailability(merged, [since("P99_9")], { from: ms("2026-03-24T00:00Z"), now: ms("2026-04-08T00:00Z") });
    expect(weeks.map((week) => [week.week, minutes(week.unavailableMs)])).toEqual([["2026-03-23", 0], ["2026-03-30", 40], ["2026-04-06", 10]]);
    // The week of 30 March is a normal 168 h: budget 10.08 min, 40 minutes down → off target, availability 1 − 40 / 10,080.
    expect(weeks[1]).toMatchObject({ onTarget: false });
    expect(weeks[1]!.availability).toBeCloseTo(1 - 40 / 10_080, 12);
  });

  it("holds each week to the target in force over it", () => {
    // Lowered from 99.9% to 99.0% on Thursday 4 June 2026 00:00 BST (3 June 23:00Z), in the week of Monday 1 June (31 May 23:00Z):
    // 3 days (72 h) at 0.1% = 4.32 min, 4 days (96 h) at 1% = 57.6 min → 61.92 min.
    const weeks = weeklyAvailability([], [since("P99_9"), since("P99_0", "2026-06-03T23:00Z")], { from: ms("2026-06-02T00:00Z"), now: ms("2026-06-10T00:00Z") });
    expect(weeks[0]!.week).toBe("2026-06-01");
    expect(minutes(weeks[0]!.budgetMs)).toBeCloseTo(61.92, 9);
  });
});

describe("burn rates (SRE workbook: 14.4 over 1 h, 6 over 6 h, 1 over 3 days)", () => {
  const now = ms("2026-06-01T12:00:00Z");
  it("burns 1,000× the budget of a 99.9% target while fully down, and flags a fast burn", () => {
    // Down since 11:50 (10 min). 1 h: 10 / 60 min at 0.1% allowed = 166.67×; 6 h: 10 / 360 / 0.001 = 27.78×;
    // 3 days: 10 / 4,320 / 0.001 = 2.3148×; the 5-minute window is fully down: 1,000×.
    const merged = mergeWindows([win("2026-06-01T11:50Z", null)], now);
    const { rates, alert } = burnAlert(merged, [since("P99_9")], now);
    expect(rates["1h"]).toBeCloseTo(166.6667, 3);
    expect(rates["6h"]).toBeCloseTo(27.7778, 3);
    expect(rates["3d"]).toBeCloseTo(2.3148, 3);
    expect(burnRate(merged, [since("P99_9")], now, 5 * MINUTE)).toBeCloseTo(1000, 6);
    expect(alert).toBe("FAST");
  });

  it("calls a restored loss that spent a tenth of the budget in three days a slow burn, not a fast one", () => {
    // 99.0%: 50 minutes down, 09:10–10:00, restored two hours ago. 1 h: 0. 6 h: 50 / 360 / 0.01 = 13.9× (≥ 6, but the
    // last 30 minutes burn 0, so no fast burn). 3 days: 50 / 4,320 / 0.01 = 1.157× (≥ 1, and 6 h ≥ 1): slow.
    const merged = mergeWindows([win("2026-06-01T09:10Z", "2026-06-01T10:00Z")], now);
    const { rates, alert } = burnAlert(merged, [since("P99_0")], now);
    expect(rates["1h"]).toBe(0);
    expect(rates["6h"]).toBeCloseTo(13.8889, 3);
    expect(rates["3d"]).toBeCloseTo(1.1574, 3);
    expect(alert).toBe("SLOW");
  });

  it.each<[string, AvailabilityTarget, ImpactWindow[], "FAST" | "SLOW" | null]>([
    // 95.0% tolerates 5%: fully down burns at most 20×. 40 min of the last hour = 13.3× < 14.4; 6 h: 40/360/0.05 = 2.2× < 6;
    // 3 d: 40 / 4,320 / 0.05 = 0.185× < 1: nothing.
    ["95.0%, 40 minutes down just now", "P95_0", [win("2026-06-01T11:20Z", "2026-06-01T12:00Z")], null],
    // 50 min of the last hour = 16.7× ≥ 14.4 and the last 5 min fully down (20×): fast.
    ["95.0%, 50 minutes down until now", "P95_0", [win("2026-06-01T11:10Z", null)], "FAST"],
    // 99.9%, 1 minute down an hour ago: 6 h = 1/360/0.001 = 2.8×, 3 d = 1/4,320/0.001 = 0.23×: nothing.
    ["99.9%, one minute an hour ago", "P99_9", [win("2026-06-01T10:59Z", "2026-06-01T11:00Z")], null],
    ["no incidents", "P99_99", [], null],
  ])("%s → %s", (_name, target, windows, expected) => {
    expect(burnAlert(mergeWindows(windows, now), [since(target)], now).alert).toBe(expected);
  });

  it("follows a target change inside the window", () => {
    // Last hour: 30 min at 99.0% (budget 0.3 min) then 30 min at 99.9% (0.03 min) = 0.33 min; 3 min down → 9.09×.
    const changes = [since("P99_0"), since("P99_9", "2026-06-01T11:30Z")];
    const merged = mergeWindows([win("2026-06-01T11:10Z", "2026-06-01T11:13Z")], now);
    expect(burnRate(merged, changes, now, HOUR)).toBeCloseTo(3 / 0.33, 9);
  });
});

describe("time to restore availability", () => {
  const period = { from: ms("2026-05-04T00:00Z"), to: ms("2026-06-01T00:00Z") };
  it("takes the p50 and max of the losses restored in the period, overlaps merged, open ones aside", () => {
    const merged = mergeWindows([
      win("2026-05-10T10:00Z", "2026-05-10T10:30Z"), // 30 min
      win("2026-05-12T08:00Z", "2026-05-12T09:00Z"), // with the next: 08:00–09:30, 90 min
      win("2026-05-12T08:45Z", "2026-05-12T09:30Z"),
      win("2026-05-20T14:00Z", "2026-05-20T15:00Z"), // 60 min
      win("2026-05-03T23:00Z", "2026-05-04T00:20Z"), // began before the period, restored in it: 80 min, whole
      win("2026-05-31T23:00Z", null), // still down: not restored
    ], period.to);
    // Durations 30, 60, 80, 90 → p50 (60 + 80) / 2 = 70, max 90.
    expect(timeToRestore(merged, period)).toEqual({ p50Ms: 70 * MINUTE, maxMs: 90 * MINUTE, count: 4, ongoing: 1 });
  });

  it("is null with nothing restored", () => {
    expect(timeToRestore(mergeWindows([win("2026-05-31T23:00Z", null)], period.to), period)).toBeNull();
  });
});

describe("the availability report", () => {
  const now = t("2026-06-01T00:00:00Z");
  const incident = (number: number, lost: string, regained: string | null) => ({ id: `i${number}`, number, title: `INC ${number}`, ...win(lost, regained) });

  it("adds up the budget, what is used and left, and lists the incidents newest first with their minutes in the period", () => {
    // 99.9% over 28 days: 40.32 min. Used: 20 min (overlapping 10:00–10:15 and 10:10–10:20) + 30 min → 50 > 40.32: spent.
    const report = availabilityReport([
      incident(1, "2026-05-10T10:00Z", "2026-05-10T10:15Z"),
      incident(2, "2026-05-10T10:10Z", "2026-05-10T10:20Z"),
      incident(3, "2026-05-03T23:40Z", "2026-05-04T00:30Z"), // 20 of its 50 min fall before the period
      incident(4, "2026-04-01T10:00Z", "2026-04-01T11:00Z"), // outside the period
    ], [since("P99_9")], 28, now);
    expect(report.target).toBe("P99_9");
    expect(minutes(report.period.budgetMs)).toBeCloseTo(40.32, 9);
    expect(minutes(report.period.unavailableMs)).toBe(50);
    expect(minutes(report.budgetLeftMs)).toBeCloseTo(-9.68, 9);
    expect(report.budgetSpent).toBe(true);
    expect(report.incidents.map((row) => [row.number, row.minutesInPeriod])).toEqual([[2, 10], [1, 15], [3, 30]]);
    // Restored losses: 20 min (1 + 2) and 50 min (3, whole) → p50 35, max 50.
    expect(report.timeToRestore).toMatchObject({ p50Ms: 35 * MINUTE, maxMs: 50 * MINUTE });
  });

  it("has its whole budget left without incidents", () => {
    const report = availabilityReport([], [since("P99_0")], 90, now);
    // 1% of 90 days = 1,296 min.
    expect(minutes(report.budgetLeftMs)).toBeCloseTo(1296, 9);
    expect(report).toMatchObject({ budgetSpent: false, burn: null, timeToRestore: null, incidents: [] });
    expect(report.period.availability).toBe(1);
  });

  it("knows the target in force at a moment", () => {
    const changes = [since("P99_9", "2026-05-18T00:00Z"), since("P99_0", "2026-05-01T00:00Z")];
    expect(targetAt(changes, ms("2026-04-01T00:00Z"))).toBe("P99_0");
    expect(targetAt(changes, ms("2026-05-17T23:59Z"))).toBe("P99_0");
    expect(targetAt(changes, ms("2026-05-18T00:00Z"))).toBe("P99_9");
    expect(targetAt([], ms("2026-05-18T00:00Z"))).toBeNull();
  });
});
