import { describe, expect, it } from "vitest";
import { impactFromLoss, impactFromSeverity } from "./impact";

// The demo's default bands: 0 → 95.0%, 10,000 → 99.0%, 100,000 → 99.9%.
const BANDS = [
  { minLossPerHour: 0, availabilityTarget: "P95_0" },
  { minLossPerHour: 10_000, availabilityTarget: "P99_0" },
  { minLossPerHour: 100_000, availabilityTarget: "P99_9" },
] as const;

describe("impact from the estimated loss per hour", () => {
  it.each([
    [0, "LOW"],
    [9_999, "LOW"],
    [10_000, "MEDIUM"],
    [99_999, "MEDIUM"],
    [100_000, "HIGH"],
    [2_000_000, "HIGH"],
  ] as const)("%d an hour is %s", (loss, impact) => {
    expect(impactFromLoss(loss, BANDS)).toBe(impact);
  });

  it("follows the organisation's own bands", () => {
    const bands = [{ minLossPerHour: 0, availabilityTarget: "P99_0" }, { minLossPerHour: 50_000, availabilityTarget: "P99_99" }] as const;
    expect(impactFromLoss(0, bands)).toBe("MEDIUM");
    expect(impactFromLoss(50_000, bands)).toBe("HIGH");
  });

  it("falls back to default thresholds without bands", () => {
    expect(impactFromLoss(50_000, [])).toBe("MEDIUM");
    expect(impactFromLoss(150_000, [])).toBe("HIGH");
  });
});

describe("impact from an alert's severity", () => {
  const mapping = { criticalAlertImpact: "HIGH", errorAlertImpact: "MEDIUM" } as const;
  it.each([
    ["critical", "HIGH"],
    ["CRITICAL", "HIGH"],
    ["error", "MEDIUM"],
    ["warning", "LOW"],
    ["info", "LOW"],
    [undefined, "LOW"],
  ] as const)("%s is %s", (severity, impact) => {
    expect(impactFromSeverity(severity, mapping)).toBe(impact);
  });

  it("a service may say otherwise", () => {
    expect(impactFromSeverity("critical", { criticalAlertImpact: "MEDIUM", errorAlertImpact: "LOW" })).toBe("MEDIUM");
  });
});
