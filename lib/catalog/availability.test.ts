import { describe, expect, it } from "vitest";
import type { AvailabilityTarget } from "../generated/prisma/enums.ts";
import {
  AVAILABILITY_TARGETS,
  bandForLoss,
  formatDuration,
  isAboveBand,
  needsJustification,
  onCallLevel,
  targetLabel,
  targetVersusBand,
  tolerableDowntimePerWeek,
  type ExposureBandRule,
} from "./availability";

// The organisation's default bands (prisma/seed/factories.ts), deliberately listed out of order.
const BANDS: ExposureBandRule[] = [
  { name: "High", minLossPerHour: 10_000, availabilityTarget: "P99_9" },
  { name: "Low", minLossPerHour: 0, availabilityTarget: "P95_0" },
  { name: "Critical", minLossPerHour: 100_000, availabilityTarget: "P99_99" },
  { name: "Medium", minLossPerHour: 1_000, availabilityTarget: "P99_0" },
];

describe("tolerable downtime per week", () => {
  it.each<[AvailabilityTarget, string, number, string]>([
    ["P95_0", "95.0%", 30_240, "8h 24m"],
    ["P99_0", "99.0%", 6_048, "1h 40m 48s"],
    ["P99_9", "99.9%", 605, "10m 05s"],
    ["P99_99", "99.99%", 60, "1m"],
  ])("%s (%s) tolerates %i s = %s", (target, label, seconds, formatted) => {
    expect(targetLabel(target)).toBe(label);
    expect(tolerableDowntimePerWeek(target)).toBe(seconds);
    expect(formatDuration(tolerableDowntimePerWeek(target))).toBe(formatted);
  });

  it.each<[number, string]>([
    [0, "0s"],
    [5, "5s"],
    [65, "1m 05s"],
    [3_600, "1h"],
    [3_661, "1h 01m 01s"],
    [90_000, "25h"],
  ])("formats %i s as %s", (seconds, formatted) => {
    expect(formatDuration(seconds)).toBe(formatted);
  });
});

describe("bandForLoss", () => {
  it.each<[number, string | null]>([
    [-1, null],
    [0, "Low"],
    [999, "Low"],
    [1_000, "Medium"],
    [9_999, "Medium"],
    [10_000, "High"],
    [99_999, "High"],
    [100_000, "Critical"],
    [5_000_000, "Critical"],
  ])("a loss of %i an hour is in band %s", (loss, band) => {
    expect(bandForLoss(BANDS, loss)?.name ?? null).toBe(band);
  });

  it("finds no band when the organisation has none", () => {
    expect(bandForLoss([], 50_000)).toBeNull();
  });

  it("does not reorder the bands it is given", () => {
    const before = BANDS.map((band) => band.name);
    bandForLoss(BANDS, 10_000);
    expect(BANDS.map((band) => band.name)).toEqual(before);
  });
});

describe("needsJustification", () => {
  it.each<[number, AvailabilityTarget, boolean]>([
    [500, "P95_0", false],
    [500, "P99_0", true],
    [500, "P99_99", true],
    [1_000, "P95_0", true], // below the band's target: more downtime than the loss calls for, say why
    [1_000, "P99_0", false],
    [1_000, "P99_9", true],
    [9_999, "P99_9", true],
    [10_000, "P99_9", false],
    [10_000, "P99_99", true],
    [100_000, "P99_99", false],
    [-1, "P95_0", false], // no band: 95.0% is what anyone may choose
    [-1, "P99_0", true],
    [100_000, "P99_9", true], // Critical suggests 99.99%
    [100_000, "P95_0", true],
    [10_000, "P99_0", true],
  ])("a loss of %i an hour with target %s needs a justification: %s", (loss, target, expected) => {
    expect(needsJustification(BANDS, loss, target)).toBe(expected);
  });
});

describe("targetVersusBand", () => {
  it.each<[number, AvailabilityTarget, string]>([
    [500, "P95_0", "matches"],
    [500, "P99_9", "above"],
    [10_000, "P99_9", "matches"],
    [10_000, "P99_0", "below"],
    [2_000_000, "P99_99", "matches"],
    [2_000_000, "P95_0", "below"],
    [-1, "P95_0", "matches"],
  ])("a loss of %i an hour with target %s: %s the band", (loss, target, expected) => {
    expect(targetVersusBand(BANDS, loss, target)).toBe(expected);
    expect(isAboveBand(BANDS, loss, target)).toBe(expected === "above");
    expect(needsJustification(BANDS, loss, target)).toBe(expected !== "matches");
  });
});

describe("onCallLevel", () => {
  it.each<[AvailabilityTarget, string, RegExp]>([
    ["P95_0", "NONE", /next working day/],
    ["P99_0", "DOMAIN", /domain/],
    ["P99_9", "TEAM", /99\.9% target needs the owning team's own/],
    ["P99_99", "TEAM", /99\.99% target needs the owning team's own/],
  ])("%s → %s", (target, level, reason) => {
    const result = onCallLevel(target);
    expect(result.level).toBe(level);
    expect(result.reason).toMatch(reason);
  });

  it("covers every target", () => {
    expect(AVAILABILITY_TARGETS.map((target) => onCallLevel(target).level)).toEqual(["NONE", "DOMAIN", "TEAM", "TEAM"]);
  });
});
