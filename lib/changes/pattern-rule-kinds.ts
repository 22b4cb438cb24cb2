// The kinds of eligibility rule and their labels, without zod: the pattern form in the browser needs
// these, and importing them from pattern-rules.ts would ship zod (about 30 kB gzipped) with it.
// pattern-rules.ts checks that its schema has exactly these kinds.
export const SERVICE_TIERS = ["TIER_1", "TIER_2", "TIER_3", "TIER_4"] as const;
export type Tier = (typeof SERVICE_TIERS)[number];

export type RuleKind = "tier" | "change-failure-rate" | "track-record" | "health-checks-passed" | "automated-pipeline" | "outside-freeze" | "on-call";

export const RULE_KINDS: readonly RuleKind[] = [
  "tier",
  "change-failure-rate",
  "track-record",
  "health-checks-passed",
  "automated-pipeline",
  "outside-freeze",
  "on-call",
];

export const RULE_LABELS: Record<RuleKind, string> = {
  tier: "Service tier",
  "change-failure-rate": "Change failure rate",
  "track-record": "Track record",
  "health-checks-passed": "Required health checks passed",
  "automated-pipeline": "Automated pipeline",
  "outside-freeze": "Outside freeze windows",
  "on-call": "Someone on call",
};

