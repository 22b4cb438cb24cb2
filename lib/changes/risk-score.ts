// An explainable risk score for a change: each factor adds points and says why. Pure.
import type { Tier } from "./pattern-rules";

export type RiskInput = {
  tier: Tier;
  /** Failed / finished deployments to the environment over the last 30 days; null when none finished. */
  changeFailureRate: number | null;
  /** Commits in the change; null when not known. */
  commits: number | null;
  /** The planned time is outside the owning team's working hours; null when no time is planned. */
  outOfHours: boolean | null;
  /** Hours from the planned time to the nearest freeze window (0 inside one); null when none within 48 h. */
  hoursToFreeze: number | null;
  /** Someone is on call for the service at the planned time; null when no time is planned. */
  onCallCovered: boolean | null;
  /** Open (triggered, acknowledged or mitigated) major incidents affecting the service. */
  openMajorIncidents: number;
};

export type RiskFactor = { factor: string; points: number; explanation: string };
export type RiskLevel = "LOW" | "MEDIUM" | "HIGH";
export type RiskScore = { score: number; level: RiskLevel; factors: RiskFactor[] };

const TIER_POINTS: Record<Tier, number> = { TIER_1: 25, TIER_2: 15, TIER_3: 5, TIER_4: 0 };

export function riskLevel(score: number): RiskLevel {
  return score >= 50 ? "HIGH" : score >= 25 ? "MEDIUM" : "LOW";
}

export function riskScore(input: RiskInput): RiskScore {
  const factors: RiskFactor[] = [];
  factors.push({ factor: "Tier", points: TIER_POINTS[input.tier], explanation: `A ${input.tier.replace("TIER_", "tier ")} service.` });

  const cfr = input.changeFailureRate;
  if (cfr === null) factors.push({ factor: "Change failure rate", points: 10, explanation: "No finished deployments in the last 30 days: no track record." });
  else {
    const points = cfr <= 0.05 ? 0 : cfr <= 0.15 ? 10 : cfr <= 0.3 ? 20 : 25;
    factors.push({ factor: "Change failure rate", points, explanation: `${Math.round(cfr * 1000) / 10}% of deployments in the last 30 days failed.` });
  }

  if (input.commits === null) factors.push({ factor: "Size", points: 0, explanation: "Number of commits not known." });
  else {
    const points = input.commits <= 5 ? 0 : input.commits <= 20 ? 5 : input.commits <= 50 ? 10 : 15;
    factors.push({ factor: "Size", points, explanation: `${input.commits} commit${input.commits === 1 ? "" : "s"}.` });
  }

  if (input.outOfHours === null) factors.push({ factor: "Timing", points: 0, explanation: "No planned time." });
  else factors.push({ factor: "Timing", points: input.outOfHours ? 10 : 0, explanation: input.outOfHours ? "Planned outside the team's working hours." : "Planned in working hours." });

  const hours = input.hoursToFreeze;
  if (hours === null) factors.push({ factor: "Freeze proximity", points: 0, explanation: "No freeze window within 48 hours." });
  else if (hours <= 0) factors.push({ factor: "Freeze proximity", points: 20, explanation: "Planned inside a freeze window." });
  else factors.push({ factor: "Freeze proximity", points: hours <= 24 ? 10 : 5, explanation: `A freeze window is ${Math.round(hours)} hours away.` });

  if (input.onCallCovered === null) factors.push({ factor: "On-call cover", points: 0, explanation: "No planned time to check cover for." });
  else factors.push({ factor: "On-call cover", points: input.onCallCovered ? 0 : 15, explanation: input.onCallCovered ? "Someone is on call at the planned time." : "Nobody is on call at the planned time." });

  const majors = input.openMajorIncidents;
  factors.push({ factor: "Open major incidents", points: majors > 0 ? 15 : 0, explanation: majors > 0 ? `${majors} open major incident${majors === 1 ? "" : "s"} on the service: changing it now adds to the outage.` : "No open major incident on the service." });

  const score = Math.min(100, factors.reduce((sum, factor) => sum + factor.points, 0));
  return { score, level: riskLevel(score), factors };
}
