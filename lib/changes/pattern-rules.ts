// The eligibility rules a deployment pattern can hold: typed JSON, validated with zod at every
// boundary (form, API, and when read back from the database).
import { z } from "zod";
import { RULE_KINDS, RULE_LABELS, SERVICE_TIERS, type RuleKind as ListedKind, type Tier } from "./pattern-rule-kinds";

// The constants live in a module without zod, so the pattern form (a client component) does not ship zod.
export { RULE_KINDS, RULE_LABELS, SERVICE_TIERS, type Tier };

const days = z.coerce.number().int("Whole days only.").min(1, "At least one day.").max(365, "At most 365 days.");
const count = z.coerce.number().int("A whole number.").min(1, "At least one.").max(50, "At most 50.");

export const ZPatternRule = z.discriminatedUnion("kind", [
  /** The service's tier is one of these (tier 1 services are often kept out of standard changes). */
  z.object({ kind: z.literal("tier"), tiers: z.array(z.enum(SERVICE_TIERS)).min(1, "Choose at least one tier.") }),
  /** Change failure rate over the last `days` below `maxPercent`. */
  z.object({
    kind: z.literal("change-failure-rate"),
    days,
    maxPercent: z.coerce.number().min(0, "Zero or more.").max(100, "At most 100%."),
  }),
  /** At least `count` finished deployments to the environment in the last `days`: a track record, not a new service. */
  z.object({ kind: z.literal("track-record"), count, days }),
  /** The last `count` deployments to the environment passed their required health checks. */
  z.object({ kind: z.literal("health-checks-passed"), count }),
  /** The gate is asked by an automated pipeline (an API token), not a person. */
  z.object({ kind: z.literal("automated-pipeline") }),
  /** No freeze window covers the planned time. */
  z.object({ kind: z.literal("outside-freeze") }),
  /** Someone is on call for the service at the planned time. */
  z.object({ kind: z.literal("on-call") }),
]);
export type PatternRule = z.infer<typeof ZPatternRule>;
export type RuleKind = PatternRule["kind"];

// The schema's kinds and pattern-rule-kinds.ts's list must be the same set: a type error otherwise.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsMatch: Same<RuleKind, ListedKind> = true;
void kindsMatch;

export const ZPatternRules = z
  .array(ZPatternRule)
  .max(12, "At most 12 rules.")
  .refine((rules) => new Set(rules.map((rule) => rule.kind)).size === rules.length, "Each kind of rule may appear once.");

/** Rules read back from the database; a malformed row (hand-edited) is treated as "no rule passes". */
export function readRules(value: unknown): PatternRule[] | null {
  const parsed = ZPatternRules.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** One sentence per rule, for pattern lists and the explanation page. */
export function describeRule(rule: PatternRule): string {
  switch (rule.kind) {
    case "tier":
      return `Service tier is ${rule.tiers.map((tier) => tier.replace("TIER_", "tier ")).join(" or ")}.`;
    case "change-failure-rate":
      return `Change failure rate over the last ${rule.days} days is at most ${rule.maxPercent}%.`;
    case "track-record":
      return `At least ${rule.count} finished deployments in the last ${rule.days} days.`;
    case "health-checks-passed":
      return `The last ${rule.count} deployments passed their required health checks.`;
    case "automated-pipeline":
      return "Deployed by an automated pipeline (API token), not by hand.";
    case "outside-freeze":
      return "The planned time is outside every freeze window.";
    case "on-call":
      return "Someone is on call for the service at the planned time.";
  }
}
