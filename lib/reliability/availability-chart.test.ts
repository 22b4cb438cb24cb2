import { describe, expect, it } from "vitest";
import { availabilityChart, availabilityFloor, percentLabel } from "./availability-chart";
import type { WeekAvailability } from "./report";

const week = (iso: string, availability: number, target: number): WeekAvailability => ({
  week: iso, from: new Date(`${iso}T00:00:00Z`), to: new Date(`${iso}T00:00:00Z`), availability, target, unavailableMs: 0, budgetMs: 0, onTarget: availability >= target,
});

describe("the availability chart", () => {
  it("puts the floor half as far again below the lowest value as that is below 100%", () => {
    // Lowest 99.0% (a target): 1 − 0.01 × 1.5 = 98.5%.
    expect(availabilityFloor([week("2026-05-04", 0.9995, 0.99), week("2026-05-11", 1, 0.999)])).toBeCloseTo(0.985, 12);
    // A week at 30% availability: 1 − 0.7 × 1.5 < 0 → 0.
    expect(availabilityFloor([week("2026-05-04", 0.3, 0.99)])).toBe(0);
  });

  it("draws every week, a full bar for a week without loss, and the target as a step line", () => {
    const chart = availabilityChart([week("2026-05-04", 1, 0.999), week("2026-05-11", 0.998, 0.999), week("2026-05-18", 1, 0.99)]);
    expect(chart.weeks.map((bar) => bar.week)).toEqual(["2026-05-04", "2026-05-11", "2026-05-18"]);
    // Plot from y 12 (100%) to 172 (the floor).
    expect(chart.weeks[0]).toMatchObject({ y: 12, height: 160, onTarget: true });
    expect(chart.weeks[1]!.onTarget).toBe(false);
    expect(chart.weeks[1]!.y).toBeGreaterThan(chart.weeks[1]!.targetY);
    expect(chart.targetPath.match(/M|L/g)).toHaveLength(3);
    expect(chart.ticks.map((tick) => tick.label)).toEqual(["98.5%", "99.3%", "100.0%"]);
  });

  it.each<[number, string]>([[1, "100%"], [0.9993, "99.9%"], [0.99996, "99.996%"], [0.95, "95.0%"], [0.9999, "99.99%"]])("labels %f as %s", (share, label) => {
    expect(percentLabel(share)).toBe(label);
  });
});
