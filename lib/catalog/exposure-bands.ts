// Exposure bands: an estimated loss per hour → the availability target it suggests, and how a chosen
// target compares with it. Pure, and small enough for the service form's live hint in the browser.
import type { AvailabilityTarget } from "../generated/prisma/enums.ts";

export const AVAILABILITY_TARGETS: readonly AvailabilityTarget[] = ["P95_0", "P99_0", "P99_9", "P99_99"];

export type ExposureBandRule = { name: string; minLossPerHour: number; availabilityTarget: AvailabilityTarget };

/** The band for an estimated maximum loss per hour: the highest band whose lower bound it reaches. */
export function bandForLoss(bands: readonly ExposureBandRule[], lossPerHour: number): ExposureBandRule | null {
  const sorted = [...bands].sort((a, b) => a.minLossPerHour - b.minLossPerHour);
  let match: ExposureBandRule | null = null;
  for (const band of sorted) if (lossPerHour >= band.minLossPerHour) match = band;
  return match;
}

export function targetRank(target: AvailabilityTarget): number {
  return AVAILABILITY_TARGETS.indexOf(target);
}

export type TargetVersusBand = "above" | "below" | "matches";

/**
 * How a target compares with what the exposure band suggests (95.0% when no band matches). Above costs
 * on-call money the exposure does not call for; below accepts more downtime than the business can
 * absorb at that loss per hour. Either way someone must write down why.
 */
export function targetVersusBand(bands: readonly ExposureBandRule[], lossPerHour: number, target: AvailabilityTarget): TargetVersusBand {
  const band = bandForLoss(bands, lossPerHour);
  const suggested = targetRank(band?.availabilityTarget ?? "P95_0");
  const chosen = targetRank(target);
  return chosen > suggested ? "above" : chosen < suggested ? "below" : "matches";
}

/** A target other than the band's suggestion, above or below it, needs a written justification. */
export function needsJustification(bands: readonly ExposureBandRule[], lossPerHour: number, target: AvailabilityTarget): boolean {
  return targetVersusBand(bands, lossPerHour, target) !== "matches";
}

/** Inflated targets: the ones the homes and the service page point out. */
export function isAboveBand(bands: readonly ExposureBandRule[], lossPerHour: number, target: AvailabilityTarget): boolean {
  return targetVersusBand(bands, lossPerHour, target) === "above";
}
