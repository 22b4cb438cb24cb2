// Availability targets, exposure bands and the on-call level that follows from them.
// Pure rules from the operating model (shared/product/OPERATING-MODEL.md).
import type { AvailabilityTarget, DeploymentTarget } from "../generated/prisma/enums.ts";

export const AVAILABILITY_TARGETS: readonly AvailabilityTarget[] = ["P95_0", "P99_0", "P99_9", "P99_99"];

export const TARGET_PERCENT: Record<AvailabilityTarget, number> = {
  P95_0: 95.0,
  P99_0: 99.0,
  P99_9: 99.9,
  P99_99: 99.99,
};

/** "95.0%", "99.0%", "99.9%", "99.99%": as many decimals as the target has nines after the point. */
export function targetLabel(target: AvailabilityTarget): string {
  const percent = TARGET_PERCENT[target];
  return `${percent.toFixed(percent === 99.99 ? 2 : 1)}%`;
}

const WEEK_SECONDS = 7 * 24 * 60 * 60;

/** Unavailability the target tolerates in a week, in whole seconds (99.9% → 605 s = 10m05s). */
export function tolerableDowntimePerWeek(target: AvailabilityTarget): number {
  return Math.round(((100 - TARGET_PERCENT[target]) / 100) * WEEK_SECONDS);
}

/** 30240 → "8h 24m", 6048 → "1h 40m 48s", 605 → "10m 05s", 3661 → "1h 01m 01s". */
export function formatDuration(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts: string[] = [];
  if (hours) parts.push(`${hours}h`);
  // Every unit after the first is two digits, as on a clock.
  if (minutes || (hours && seconds)) parts.push(`${String(minutes).padStart(hours ? 2 : 1, "0")}m`);
  if (seconds) parts.push(`${String(seconds).padStart(parts.length ? 2 : 1, "0")}s`);
  return parts.join(" ") || "0s";
}

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

export type OnCallLevel = "NONE" | "DOMAIN" | "TEAM";

export const ON_CALL_LEVEL_LABEL: Record<OnCallLevel, string> = {
  NONE: "Working hours only",
  DOMAIN: "Domain schedule out of hours",
  TEAM: "Team schedule out of hours",
};

/** The out-of-hours cover a target calls for, and why. In working hours the owning team always supports. */
export function onCallLevel(target: AvailabilityTarget): { level: OnCallLevel; reason: string } {
  switch (target) {
    case "P95_0":
      return { level: "NONE", reason: "A 95.0% target tolerates 8h 24m a week: out-of-hours callouts wait for the next working day." };
    case "P99_0":
      return { level: "DOMAIN", reason: "A 99.0% target is covered out of hours by a schedule shared by the teams of one domain." };
    case "P99_9":
    case "P99_99":
      return { level: "TEAM", reason: `A ${targetLabel(target)} target needs the owning team's own out-of-hours schedule.` };
  }
}

export const DEPLOYMENT_TARGET_LABEL: Record<DeploymentTarget, string> = {
  MONTHLY: "Monthly",
  FORTNIGHTLY: "Fortnightly",
  WEEKLY: "Weekly",
  DAILY: "Daily or more",
};
