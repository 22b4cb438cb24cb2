// Availability targets, exposure bands and the on-call level that follows from them.
// Pure rules from the operating model (shared/product/OPERATING-MODEL.md).
import type { AvailabilityTarget } from "../generated/prisma/enums.ts";
import { AVAILABILITY_TARGETS } from "./exposure-bands";

// The band rules and the labels a browser form needs live in modules of their own (no text of the
// on-call rules comes with them); they are re-exported here for everything else.
export * from "./exposure-bands";
export { DEPLOYMENT_TARGET_LABEL } from "./labels";


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

export type TargetChoice = { value: AvailabilityTarget; label: string; hint: string };

/** The availability target select of the service form: each target's label and what it means, computed on the server. */
export function targetChoices(): TargetChoice[] {
  return AVAILABILITY_TARGETS.map((target) => ({
    value: target,
    label: targetLabel(target),
    hint: `Tolerates ${formatDuration(tolerableDowntimePerWeek(target))} of unavailability a week. Out-of-hours cover: ${ON_CALL_LEVEL_LABEL[onCallLevel(target).level].toLowerCase()}.`,
  }));
}
