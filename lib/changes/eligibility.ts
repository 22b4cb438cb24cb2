// Does a service earn a standard change under a pattern? Pure: a small track-record snapshot in,
// one verdict per rule out. The gate and the pattern page both explain themselves with these reasons.
import type { PatternRule, Tier } from "./pattern-rules";

export type ChecksOutcome = "PENDING" | "PASSED" | "FAILED" | "MISSING" | null;

/** What the rules need to know about a service, read in bounded, indexed queries (lib/changes/track-record.ts). */
export type TrackRecord = {
  tier: Tier;
  /** Finished and failed deployments to the environment over the last `days`, keyed by days. */
  windows: Record<number, { finished: number; failed: number }>;
  /** Required-check outcomes of the most recent successful deployments, newest first (null: none required). */
  recentChecks: ChecksOutcome[];
  /** The gate was asked by a pipeline token. */
  automated: boolean;
  /** A freeze window covering the service at the planned time. */
  freeze: { name: string; endsAt: Date } | null;
  /** On-call cover at the planned time. */
  onCall: { covered: boolean; reason: string };
};

export type RuleVerdict = { rule: string; passed: boolean; message: string };

export type PatternCoverage = { serviceIds: string[]; teamIds: string[]; environmentIds: string[]; tiers: Tier[] };

/** An empty list covers everything of that kind. */
export function patternCovers(pattern: PatternCoverage, service: { id: string; teamId: string; tier: Tier }, environmentId: string): boolean {
  const fits = <T,>(list: readonly T[], value: T) => list.length === 0 || list.includes(value);
  return fits(pattern.serviceIds, service.id) && fits(pattern.teamIds, service.teamId) && fits(pattern.environmentIds, environmentId) && fits(pattern.tiers, service.tier);
}

const percent = (ratio: number) => `${(Math.round(ratio * 1000) / 10).toString()}%`;
const tierLabel = (tier: Tier) => tier.replace("TIER_", "tier ");

export function evaluateRule(rule: PatternRule, record: TrackRecord): RuleVerdict {
  switch (rule.kind) {
    case "tier": {
      const passed = rule.tiers.includes(record.tier);
      return { rule: rule.kind, passed, message: passed ? `The service is ${tierLabel(record.tier)}.` : `The service is ${tierLabel(record.tier)}; the pattern covers ${rule.tiers.map(tierLabel).join(", ")}.` };
    }
    case "change-failure-rate": {
      const window = record.windows[rule.days] ?? { finished: 0, failed: 0 };
      if (window.finished === 0) return { rule: rule.kind, passed: false, message: `No finished deployments in the last ${rule.days} days, so no failure rate to trust.` };
      const rate = window.failed / window.finished;
      const passed = rate * 100 <= rule.maxPercent;
      return {
        rule: rule.kind,
        passed,
        message: `${window.failed} of ${window.finished} deployments in the last ${rule.days} days failed (${percent(rate)}); the limit is ${rule.maxPercent}%.`,
      };
    }
    case "track-record": {
      const finished = record.windows[rule.days]?.finished ?? 0;
      const passed = finished >= rule.count;
      return {
        rule: rule.kind,
        passed,
        message: passed
          ? `${finished} finished deployments in the last ${rule.days} days (at least ${rule.count} needed).`
          : `Only ${finished} finished deployments in the last ${rule.days} days; ${rule.count} are needed to earn standard changes.`,
      };
    }
    case "health-checks-passed": {
      const recent = record.recentChecks.slice(0, rule.count);
      const bad = recent.filter((outcome) => outcome === "FAILED" || outcome === "MISSING").length;
      if (recent.length < rule.count) {
        return { rule: rule.kind, passed: false, message: `Only ${recent.length} successful deployments so far; the last ${rule.count} must have passed their required health checks.` };
      }
      return {
        rule: rule.kind,
        passed: bad === 0,
        message: bad === 0
          ? `The last ${rule.count} deployments passed their required health checks.`
          : `${bad} of the last ${rule.count} deployments failed or missed a required health check.`,
      };
    }
    case "automated-pipeline":
      return {
        rule: rule.kind,
        passed: record.automated,
        message: record.automated ? "Asked by an automated pipeline (API token)." : "Only an automated pipeline (API token) can use a standard change.",
      };
    case "outside-freeze":
      return {
        rule: rule.kind,
        passed: record.freeze === null,
        message: record.freeze ? `The freeze "${record.freeze.name}" covers the planned time (until ${record.freeze.endsAt.toISOString()}).` : "No freeze window covers the planned time.",
      };
    case "on-call":
      return { rule: rule.kind, passed: record.onCall.covered, message: record.onCall.reason };
  }
}

export type Eligibility = { eligible: boolean; verdicts: RuleVerdict[] };

/** Eligible when every rule passes; a pattern with unreadable rules is never eligible. */
export function evaluatePattern(rules: PatternRule[] | null, record: TrackRecord): Eligibility {
  if (rules === null) return { eligible: false, verdicts: [{ rule: "rules", passed: false, message: "The pattern's rules cannot be read; ask a change manager to save it again." }] };
  const verdicts = rules.map((rule) => evaluateRule(rule, record));
  return { eligible: verdicts.every((verdict) => verdict.passed), verdicts };
}

/** The windows (in days) and the number of recent deployments the rules of these patterns need. */
export function recordNeeds(rules: readonly (PatternRule[] | null)[]): { days: number[]; recent: number } {
  const days = new Set<number>();
  let recent = 0;
  for (const rule of rules.flat()) {
    if (!rule) continue;
    if (rule.kind === "change-failure-rate" || rule.kind === "track-record") days.add(rule.days);
    if (rule.kind === "health-checks-passed") recent = Math.max(recent, rule.count);
  }
  return { days: [...days].sort((a, b) => a - b), recent };
}
