// The weekly series and the charts drawn from it: every week of the period is in the series, in
// order, and every week of the series is in each chart, the last one included (issue 13: the lead-time
// chart stopped at 11-16 while its table had 11-23 and 11-30).
import { describe, expect, it } from "vitest";
import { weeklySeries, type WeeklyPoint } from "./dora";
import { FRAME, niceMax, trendChart } from "./trend-chart";

const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);

/** The demo's 90 days to Thursday 3 December 2026: from Friday 4 September, partial weeks at both ends. */
const demoPeriod = { from: new Date(at("2026-12-03T14:00:00Z").getTime() - 90 * DAY), to: at("2026-12-03T14:00:00Z") };

const aggregates = (weeks: Record<string, number | null>) =>
  new Map(Object.entries(weeks).map(([week, hours]) => [week, { live: 3, failures: 1, leadTimeMedianMs: hours === null ? null : hours * 3_600_000 }]));

describe("weeklySeries", () => {
  it("has one point per week of the period, Mondays in order, the partial first and last weeks included", () => {
    const series = weeklySeries(demoPeriod, new Map());
    expect(series[0]!.week).toBe("2026-08-31"); // the Monday of Friday 4 September's week
    expect(series.at(-1)!.week).toBe("2026-11-30"); // the week of 'to' itself
    expect(series).toHaveLength(14);
    for (let i = 1; i < series.length; i++) {
      expect(Date.parse(series[i]!.week) - Date.parse(series[i - 1]!.week)).toBe(7 * DAY);
      expect(new Date(series[i]!.week).getUTCDay()).toBe(1);
    }
  });

  it("carries every week's aggregate, the last weeks included", () => {
    const series = weeklySeries(demoPeriod, aggregates({ "2026-11-16": 24.1, "2026-11-23": 25.9, "2026-11-30": 20 }));
    expect(series.slice(-3).map((point) => [point.week, point.leadTimeMedianHours])).toEqual([["2026-11-16", 24.1], ["2026-11-23", 25.9], ["2026-11-30", 20]]);
    expect(series.filter((point) => point.deployments > 0).map((point) => point.week)).toEqual(["2026-11-16", "2026-11-23", "2026-11-30"]);
  });

  it("ends with the week before 'to' when the period ends on a Monday at midnight", () => {
    const series = weeklySeries({ from: at("2026-11-02T00:00:00Z"), to: at("2026-11-16T00:00:00Z") }, new Map());
    expect(series.map((point) => point.week)).toEqual(["2026-11-02", "2026-11-09"]);
  });
});

const week = (monday: string, lead: number | null, deployments = 5): WeeklyPoint => ({ week: monday, deployments, failures: 1, leadTimeMedianHours: lead });
const mondays = weeklySeries(demoPeriod, new Map()).map((point) => point.week);

describe("the lead-time chart's series", () => {
  it("has a point for every week with a median, the last two included, on the same x as the week's slot", () => {
    const trend = mondays.map((monday, index) => week(monday, 20 + index));
    const chart = trendChart(trend);
    expect(chart.weeks.map((slot) => slot.week)).toEqual(mondays);
    expect(chart.leadPoints.map((point) => point.week)).toEqual(mondays);
    expect(chart.leadPoints.at(-1)).toMatchObject({ week: "2026-11-30", value: 33 });
    const slots = new Map(chart.weeks.map((slot) => [slot.week, slot.x]));
    for (const point of chart.leadPoints) expect(point.x).toBe(slots.get(point.week));
    // One line through all fourteen weeks, ending at the last week's point, inside the frame.
    expect(chart.leadSegments).toHaveLength(1);
    expect(chart.leadSegments[0]!.split(" ")).toHaveLength(14);
    expect(chart.leadSegments[0]!.endsWith(`L${chart.leadPoints.at(-1)!.x},${chart.leadPoints.at(-1)!.y}`)).toBe(true);
    expect(chart.leadPoints.at(-1)!.x).toBeLessThan(FRAME.width - FRAME.right);
    expect(chart.leadPoints.at(-1)!.x).toBeGreaterThan(chart.leadPoints.at(-2)!.x);
  });

  it("leaves a gap for a week without a median instead of joining across it, and keeps the weeks after it", () => {
    const trend = mondays.map((monday) => week(monday, monday === "2026-11-16" ? null : 24));
    const chart = trendChart(trend);
    expect(chart.leadPoints.map((point) => point.week)).toEqual(mondays.filter((monday) => monday !== "2026-11-16"));
    expect(chart.leadSegments).toHaveLength(2);
    expect(chart.leadSegments[1]!.split(" ")).toHaveLength(2); // 11-23 and 11-30
  });

  it("scales to the highest week, so no point falls outside the chart", () => {
    const trend = mondays.map((monday, index) => week(monday, index === 9 ? 76.5 : 25));
    const chart = trendChart(trend);
    expect(chart.yTicks.hours.at(-1)!.value).toBe(80);
    for (const point of chart.leadPoints) {
      expect(point.y).toBeGreaterThanOrEqual(FRAME.top);
      expect(point.y).toBeLessThanOrEqual(FRAME.height - FRAME.bottom);
    }
  });

  it("names the most recent week under the axis, whatever the period's length", () => {
    for (const count of [1, 2, 5, 13, 14, 27, 53]) {
      const chart = trendChart(mondays.concat(mondays, mondays, mondays).slice(0, count).map((monday, i) => week(`${monday}#${i}`, 1)));
      const labels = chart.weeks.filter((slot) => slot.label !== null);
      expect(chart.weeks.at(-1)!.label, `${count} weeks`).not.toBeNull();
      expect(labels.length, `${count} weeks`).toBeLessThanOrEqual(8);
    }
  });
});

describe("the deployments chart", () => {
  it("has both bars for every week, in the week's slot", () => {
    const trend = mondays.map((monday, index) => week(monday, null, index));
    const chart = trendChart(trend);
    expect(chart.bars).toHaveLength(mondays.length * 2);
    expect([...new Set(chart.bars.map((bar) => bar.week))]).toEqual(mondays);
    expect(chart.bars.at(-2)).toMatchObject({ week: "2026-11-30", series: "deployments", value: 13 });
    expect(chart.yTicks.counts.map((tick) => tick.value)).toEqual([0, 4, 8, 12, 16]); // the top week has 13
  });

  it("draws an organisation with no deployments as empty weeks, not as nothing", () => {
    const chart = trendChart(mondays.map((monday) => ({ ...week(monday, null, 0), failures: 0 })));
    expect(chart.weeks).toHaveLength(14);
    expect(chart.bars.every((bar) => bar.height === 0)).toBe(true);
    expect(chart.leadSegments).toEqual([]);
  });
});

describe("niceMax", () => {
  it.each([[0, 1], [1, 1], [3, 3], [7, 8], [13, 15], [38, 40], [76.5, 80], [120, 150], [0.3, 0.3], [0.35, 0.4]])("%d → %d", (value, expected) => {
    expect(niceMax(value)).toBe(expected);
  });
});
