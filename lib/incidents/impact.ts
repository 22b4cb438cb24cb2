// Priority from the estimated financial loss per hour (OPERATING-MODEL.md, "Incidents"): high → major
// (restore now), medium → minor (restore by the next working day), low → minor (restore when possible,
// with a backlog item). The thresholds are the organisation's exposure bands, so the loss that calls
// for a team's own 99.9% schedule is the loss that makes an incident major.
import type { AvailabilityTarget, IncidentImpact } from "../generated/prisma/enums.ts";

export const IMPACTS: readonly IncidentImpact[] = ["HIGH", "MEDIUM", "LOW"];

export const IMPACT_WORDS: Record<IncidentImpact, { label: string; priority: string; restore: string }> = {
  HIGH: { label: "High", priority: "major", restore: "restore now" },
  MEDIUM: { label: "Medium", priority: "minor", restore: "restore by the next working day" },
  LOW: { label: "Low", priority: "minor", restore: "restore when possible" },
};

export function isMajor(impact: IncidentImpact): boolean {
  return impact === "HIGH";
}

export type Band = { minLossPerHour: number; availabilityTarget: AvailabilityTarget };

/**
 * The impact of an incident losing `lossPerHour`: HIGH from the lowest band that asks for 99.9% or
 * more, MEDIUM from the lowest band that asks for 99.0%, else LOW. Without such bands (an organisation
 * that deleted them), the defaults: 100,000 and 10,000 per hour.
 */
export function impactFromLoss(lossPerHour: number, bands: readonly Band[]): IncidentImpact {
  const lowest = (targets: AvailabilityTarget[], fallback: number) => {
    const mins = bands.filter((band) => targets.includes(band.availabilityTarget)).map((band) => band.minLossPerHour);
    return mins.length ? Math.min(...mins) : fallback;
  };
  const high = lowest(["P99_9", "P99_99"], 100_000);
  const medium = Math.min(lowest(["P99_0"], 10_000), high);
  if (lossPerHour >= high) return "HIGH";
  if (lossPerHour >= medium) return "MEDIUM";
  return "LOW";
}

/** An alert's severity as Alertmanager labels and PagerDuty events name it, with the service's mapping. */
export function impactFromSeverity(
  severity: string | null | undefined,
  mapping: { criticalAlertImpact: IncidentImpact; errorAlertImpact: IncidentImpact },
): IncidentImpact {
  switch ((severity ?? "").trim().toLowerCase()) {
    case "critical":
    case "page":
    case "p1":
      return mapping.criticalAlertImpact;
    case "error":
    case "major":
    case "p2":
      return mapping.errorAlertImpact;
    default:
      return "LOW";
  }
}
