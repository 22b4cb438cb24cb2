// The balance on hand-worked backlogs: planned share of open items by estimate, done share per ISO week
// (Monday 00:00 UTC), unestimated items as zero, nothing estimated as no share at all.
import { describe, expect, it } from "vitest";
import { doneByWeek, isoWeekStart, plannedShare, recentDoneShare, verdict, type BalanceItem } from "./balance";

const item = (type: "P" | "O", status: "TODO" | "DOING" | "DONE", estimate: number | null, doneAt: string | null = null): BalanceItem => ({
  type: type === "P" ? "PRODUCT" : "OPERATIONAL", status, estimate, doneAt: doneAt ? new Date(doneAt) : null,
});

describe("planned share (open items by estimate)", () => {
  it.each([
    // backlog, operational points, total points, share %, unestimated
    { name: "empty backlog", items: [], operational: 0, total: 0, share: null, unestimated: 0 },
    { name: "3 of 12 points operational", items: [item("P", "TODO", 5), item("P", "DOING", 4), item("O", "TODO", 3)], operational: 3, total: 12, share: 25, unestimated: 0 },
    { name: "done items do not count", items: [item("P", "TODO", 8), item("O", "DONE", 8, "2026-12-01T10:00:00Z"), item("O", "TODO", 2)], operational: 2, total: 10, share: 20, unestimated: 0 },
    { name: "unestimated count as zero, and are counted", items: [item("P", "TODO", 2), item("O", "TODO", null), item("O", "DOING", 1)], operational: 1, total: 3, share: 33.3, unestimated: 1 },
    { name: "nothing estimated: no share", items: [item("P", "TODO", null), item("O", "TODO", null)], operational: 0, total: 0, share: null, unestimated: 2 },
    { name: "zero-point items: no share", items: [item("P", "TODO", 0), item("O", "TODO", 0)], operational: 0, total: 0, share: null, unestimated: 0 },
    { name: "all operational", items: [item("O", "TODO", 5), item("O", "DOING", 8)], operational: 13, total: 13, share: 100, unestimated: 0 },
    { name: "2 of 3 rounds to one decimal", items: [item("O", "TODO", 2), item("P", "TODO", 1)], operational: 2, total: 3, share: 66.7, unestimated: 0 },
  ])("$name", ({ items, operational, total, share, unestimated }) => {
    expect(plannedShare(items)).toEqual({ operational, total, share, unestimated });
  });
});

describe("ISO weeks in UTC", () => {
  it.each([
    ["2026-12-07T00:00:00.000Z", "2026-12-07"], // Monday midnight starts the week
    ["2026-12-06T23:59:59.999Z", "2026-11-30"], // Sunday's last millisecond is the week before
    ["2026-12-09T12:00:00.000Z", "2026-12-07"], // Wednesday
    ["2027-01-01T08:00:00.000Z", "2026-12-28"], // a week across the year's end
    ["2026-03-29T01:30:00.000Z", "2026-03-23"], // the UK's clock change does not move a UTC week
  ])("%s is in the week of %s", (at, monday) => {
    expect(isoWeekStart(new Date(at)).toISOString().slice(0, 10)).toBe(monday);
  });
});

describe("done share per week", () => {
  const now = new Date("2026-12-09T12:00:00Z"); // Wednesday of the week of Mon 7 Dec
  const items = [
    item("O", "DONE", 3, "2026-12-07T00:00:00Z"), // this week, first instant
    item("P", "DONE", 9, "2026-12-08T15:00:00Z"), // this week
    item("O", "DONE", 5, "2026-12-06T23:59:59Z"), // last week, last second
    item("P", "DONE", null, "2026-12-01T09:00:00Z"), // last week, unestimated
    item("O", "DONE", 2, "2026-09-01T09:00:00Z"), // before the chart's window
    item("O", "TODO", 8), // open: not done
  ];

  it("buckets by Monday-start UTC weeks, the oldest first, ending with this week", () => {
    const weeks = doneByWeek(items, now, 3);
    expect(weeks).toEqual([
      { week: "2026-11-23", operational: 0, total: 0, share: null, unestimated: 0 },
      { week: "2026-11-30", operational: 5, total: 5, share: 100, unestimated: 1 },
      { week: "2026-12-07", operational: 3, total: 12, share: 25, unestimated: 0 },
    ]);
  });

  it("twelve weeks by default; an item done in the future of `now` is not counted", () => {
    const weeks = doneByWeek([...items, item("O", "DONE", 4, "2026-12-20T10:00:00Z")], now);
    expect(weeks).toHaveLength(12);
    expect(weeks[0]!.week).toBe("2026-09-21");
    expect(weeks.reduce((sum, week) => sum + week.total, 0)).toBe(17);
  });

  it("the recent done share sums the points of the last weeks (not an average of shares)", () => {
    const weeks = doneByWeek(items, now, 12);
    // last 4 weeks: 3 + 5 operational of 3 + 9 + 5 = 17 points
    expect(recentDoneShare(weeks, 4)).toEqual({ operational: 8, total: 17, share: 47.1, unestimated: 1 });
    expect(recentDoneShare(doneByWeek([], now), 4).share).toBeNull();
  });
});

describe("planned share against the target", () => {
  it.each([
    [null, 25, null], [20, null, null], [20, 25, "UNDER"], [24.5, 25, "ON"], [26, 25, "ON"], [30, 25, "OVER"], [0, 0, "ON"],
  ] as const)("planned %s against target %s is %s", (planned, target, expected) => {
    expect(verdict(planned, target)).toBe(expected);
  });
});
