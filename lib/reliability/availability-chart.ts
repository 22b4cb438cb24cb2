// The service page's availability charts as data: weekly availability against the target of each
// week, and the 28-day budget as a bar. Pure, drawn as server-rendered SVG by
// components/reliability/availability-charts.tsx (no chart library, as for the DORA charts).
import type { WeekAvailability } from "./report";

export const AVAILABILITY_FRAME = { width: 560, height: 200, left: 52, right: 12, top: 12, bottom: 28 };

export type AvailabilityChart = {
  floor: number;
  ticks: { value: number; y: number; label: string }[];
  weeks: { week: string; label: string | null; x: number; width: number; y: number; height: number; targetY: number; onTarget: boolean; availability: number; target: number }[];
  /** The target per week as a step line (it changes where the target did). */
  targetPath: string;
};

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The axis runs from a floor up to 100%: half as far again below the lowest of the weeks' availability
 * and targets as that lowest is below 100%, so a 99.9% target is not a hair under the top.
 */
export function availabilityFloor(weeks: readonly Pick<WeekAvailability, "availability" | "target">[]): number {
  const lowest = Math.min(1, ...weeks.flatMap((week) => [week.availability, week.target]));
  return Math.max(0, 1 - (1 - lowest) * 1.5);
}

export function availabilityChart(weeks: readonly WeekAvailability[], frame = AVAILABILITY_FRAME): AvailabilityChart {
  const plotWidth = frame.width - frame.left - frame.right;
  const plotHeight = frame.height - frame.top - frame.bottom;
  const base = frame.top + plotHeight;
  const floor = availabilityFloor(weeks);
  const y = (value: number) => round(base - ((Math.max(value, floor) - floor) / (1 - floor || 1)) * plotHeight);
  const slot = plotWidth / Math.max(weeks.length, 1);
  const every = Math.max(1, Math.ceil(weeks.length / 7));
  const bars = weeks.map((week, index) => {
    const x = round(frame.left + index * slot + slot * 0.2);
    const top = y(week.availability);
    return {
      week: week.week, label: (weeks.length - 1 - index) % every === 0 ? week.week.slice(5) : null,
      x, width: round(slot * 0.6), y: top, height: round(base - top), targetY: y(week.target),
      onTarget: week.onTarget, availability: week.availability, target: week.target,
    };
  });
  const targetPath = bars.map((bar, index) => `${index === 0 ? "M" : "L"}${round(frame.left + index * slot)} ${bar.targetY} H${round(frame.left + (index + 1) * slot)}`).join(" ");
  const decimals = 1 - floor < 0.01 ? 2 : 1;
  const ticks = [floor, (floor + 1) / 2, 1].map((value) => ({ value, y: y(value), label: `${(value * 100).toFixed(decimals)}%` }));
  return { floor, ticks, weeks: bars, targetPath };
}

/** "99.93%": as many decimals as it takes to tell it from 100% (up to three). */
export function percentLabel(share: number): string {
  if (share >= 1) return "100%";
  for (const decimals of [1, 2, 3]) {
    const text = (share * 100).toFixed(decimals);
    if (text !== "100." + "0".repeat(decimals)) return `${text}%`;
  }
  return `${(share * 100).toFixed(3)}%`;
}
