// The weekly trend charts as data: one slot per week of the trend, in order, and the bars, points and
// line segments drawn in them. Pure, so a test can check that every week of the table is in each chart.
//
// Why the charts are drawn from this and not by a charting library in the browser: recharts drew the
// lead-time line in over 1.5 s, so a reader (or a screenshot) in the first second saw it stop weeks
// before the table's last row, and it cost 128 kB of JavaScript on the page. These are server-rendered
// SVG: complete in the HTML, no script, the same weeks as the table by construction.
import type { WeeklyPoint } from "./dora";

export type Frame = { width: number; height: number; left: number; right: number; top: number; bottom: number };

/** The SVG viewBox and margins (axis labels left and below). */
export const FRAME: Frame = { width: 560, height: 220, left: 40, right: 12, top: 12, bottom: 28 };

export type WeekSlot = { week: string; /** Centre of the week's slot. */ x: number; /** Shown under the axis ("11-30"). */ label: string | null };

export type Bar = { week: string; series: "deployments" | "failures"; value: number; x: number; y: number; width: number; height: number };

export type LeadPoint = { week: string; value: number; x: number; y: number };

export type TrendChart = {
  weeks: WeekSlot[];
  bars: Bar[];
  /** Weeks with a median lead time, in order. */
  leadPoints: LeadPoint[];
  /** SVG path data of the line, one segment per run of weeks with a value (a week without deployments is a gap, not a guess). */
  leadSegments: string[];
  yTicks: { counts: { value: number; y: number }[]; hours: { value: number; y: number }[] };
};

/** 0 → 1, 7 → 8, 38 → 40, 76.5 → 80: a round top for the axis (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 or 10 × 10^k). */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((candidate) => candidate * power >= value)!;
  return Number((step * power).toPrecision(6)); // 3 × 0.1 is 0.30000000000000004
}

/** A top for a count axis whose quarter ticks are whole numbers: 13 → 16, 38 → 40. */
const countTop = (value: number) => {
  const top = niceMax(value);
  return top < 4 ? Math.ceil(top) : Math.ceil(top / 4) * 4;
};

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Labels under the axis, counted back from the last week so the most recent week is always named
 * (the one a reader looks for), and at most about seven, so they never overlap.
 */
function labelled(count: number): (index: number) => boolean {
  const every = Math.max(1, Math.ceil(count / 7));
  return (index) => (count - 1 - index) % every === 0;
}

export function trendChart(trend: readonly WeeklyPoint[], frame: Frame = FRAME): TrendChart {
  const plotWidth = frame.width - frame.left - frame.right;
  const plotHeight = frame.height - frame.top - frame.bottom;
  const base = frame.top + plotHeight;
  const slotWidth = plotWidth / Math.max(trend.length, 1);
  const show = labelled(trend.length);
  const weeks = trend.map((point, index) => ({
    week: point.week,
    x: round(frame.left + (index + 0.5) * slotWidth),
    label: show(index) ? point.week.slice(5) : null,
  }));

  const countMax = countTop(Math.max(0, ...trend.map((point) => Math.max(point.deployments, point.failures))));
  const countY = (value: number) => round(base - (value / countMax) * plotHeight);
  const barWidth = round(Math.min(14, slotWidth * 0.36));
  const bars: Bar[] = trend.flatMap((point, index) => {
    const x = weeks[index]!.x;
    return (["deployments", "failures"] as const).map((series, offset) => ({
      week: point.week, series, value: point[series],
      x: round(offset === 0 ? x - barWidth - 1 : x + 1), width: barWidth,
      y: countY(point[series]), height: round(base - countY(point[series])),
    }));
  });

  const hoursMax = niceMax(Math.max(0, ...trend.map((point) => point.leadTimeMedianHours ?? 0)));
  const hoursY = (value: number) => round(base - (value / hoursMax) * plotHeight);
  const leadPoints: LeadPoint[] = [];
  const leadSegments: string[] = [];
  let segment: string[] = [];
  trend.forEach((point, index) => {
    if (point.leadTimeMedianHours === null) {
      if (segment.length) leadSegments.push(segment.join(" "));
      segment = [];
      return;
    }
    const spot = { week: point.week, value: point.leadTimeMedianHours, x: weeks[index]!.x, y: hoursY(point.leadTimeMedianHours) };
    leadPoints.push(spot);
    segment.push(`${segment.length ? "L" : "M"}${spot.x},${spot.y}`);
  });
  if (segment.length) leadSegments.push(segment.join(" "));

  const ticks = (max: number, y: (value: number) => number) => [0, 0.25, 0.5, 0.75, 1].map((share) => ({ value: round(max * share), y: y(max * share) }));
  // Deployments are counted in whole numbers: no "0.5" on an axis topped at 1, 2 or 3.
  const counts = ticks(countMax, countY).filter((tick) => Number.isInteger(tick.value));
  return { weeks, bars, leadPoints, leadSegments, yTicks: { counts, hours: ticks(hoursMax, hoursY) } };
}
