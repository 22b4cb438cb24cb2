import { describe, expect, it } from "vitest";
import { impactFigures } from "./impact-figures";

const at = (hhmm: string, day = "2026-11-10") => new Date(`${day}T${hhmm}:00Z`);
const always999 = [{ target: "P99_9" as const, effectiveFrom: new Date(0) }];

describe("impactFigures", () => {
  it.each([
    {
      name: "a lone 90-minute incident at 99.9%: 90 of 40.32 budget minutes, loss 3,000 an hour",
      window: { lostAt: at("10:00"), regainedAt: at("11:30") }, others: [], lossPerHour: 3000,
      expected: { availabilityLostMinutes: 90, budgetSpentMinutes: 90, estimatedLoss: 4500, share: 90 / 40.32 },
    },
    {
      name: "an overlapping incident already counted 30 of its minutes",
      window: { lostAt: at("10:00"), regainedAt: at("11:00") }, others: [{ lostAt: at("09:30"), regainedAt: at("10:30") }], lossPerHour: null,
      expected: { availabilityLostMinutes: 60, budgetSpentMinutes: 30, estimatedLoss: null, share: 30 / 40.32 },
    },
    {
      name: "wholly inside another incident's window: nothing more spent",
      window: { lostAt: at("10:00"), regainedAt: at("10:20") }, others: [{ lostAt: at("09:00"), regainedAt: at("12:00") }], lossPerHour: 600,
      expected: { availabilityLostMinutes: 20, budgetSpentMinutes: 0, estimatedLoss: 200, share: 0 },
    },
    {
      name: "still open: counts until now",
      window: { lostAt: at("11:00"), regainedAt: null }, others: [], lossPerHour: 60,
      expected: { availabilityLostMinutes: 60, budgetSpentMinutes: 60, estimatedLoss: 60, share: 60 / 40.32 },
    },
  ])("$name", ({ window, others, lossPerHour, expected }) => {
    const figures = impactFigures({ window, others, changes: always999, lossPerHour, now: at("12:00") });
    expect(figures.availabilityLostMinutes).toBe(expected.availabilityLostMinutes);
    expect(figures.budgetSpentMinutes).toBe(expected.budgetSpentMinutes);
    expect(figures.estimatedLoss).toBe(expected.estimatedLoss);
    expect(figures.budgetShare).toBeCloseTo(expected.share, 6);
  });

  it("no budget without a target history", () => {
    expect(impactFigures({ window: { lostAt: at("10:00"), regainedAt: at("10:10") }, others: [], changes: [], lossPerHour: null, now: at("12:00") }).budgetShare).toBeNull();
  });
});
