import { z } from "zod";
import { ZCommitRef } from "../deployments/schemas";
import { INSTANT_RANGE_MESSAGE, isSaneInstant, safeInstant } from "../validation/instant";
import { boundedInt } from "../validation/numbers";
import { safeId, safeText } from "../validation/text";
import { ZPatternRules } from "./pattern-rules";

const slug = (what: string) => safeText({ message: `Name the ${what} (its slug).` }).trim().min(1, `Name the ${what} (its slug).`).max(100, "Too long.");
const optionalDate = z
  .union([z.literal(""), z.null(), safeText().trim().max(100, "Give a date and time, e.g. 2026-12-01T10:00.")])
  .optional()
  .transform((value, context) => {
    if (!value) return null;
    // datetime-local inputs send no zone: the forms say UTC, so read them as UTC.
    const date = new Date(/T\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(value) ? `${value}Z` : value);
    if (Number.isNaN(date.getTime())) {
      context.addIssue({ code: "custom", message: "Give a date and time, e.g. 2026-12-01T10:00." });
      return z.NEVER;
    }
    if (!isSaneInstant(date)) {
      context.addIssue({ code: "custom", message: INSTANT_RANGE_MESSAGE });
      return z.NEVER;
    }
    return date;
  });

const bareSha = safeText().trim().min(4, "A commit sha has at least 4 characters.").max(64, "A commit sha has at most 64 characters.");

const COMMIT_MESSAGE = "A commit is a sha or an object { sha, committedAt?, message? }, as the deployment report takes.";
const jsonSchemaOf = (schema: z.ZodType) => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
};

/**
 * A bare sha, or the deployment report's commit object (only its sha matters to the gate). Chosen by
 * the value's type rather than with z.union, which reports any nested refusal of the object (a missing
 * sha, a year-0000 committedAt) as one vague "invalid input" at the item; this way the field is named
 * (commits.1.sha). The OpenAPI document still shows both shapes.
 */
const ZGateCommit = z
  .unknown()
  .transform((commit, context) => {
    const isObject = typeof commit === "object" && commit !== null && !Array.isArray(commit);
    if (typeof commit !== "string" && !isObject) {
      context.addIssue({ code: "custom", message: COMMIT_MESSAGE });
      return z.NEVER;
    }
    const parsed = typeof commit === "string" ? bareSha.safeParse(commit) : ZCommitRef.safeParse(commit);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) context.addIssue({ code: "custom", message: issue.message, path: issue.path });
      return z.NEVER;
    }
    return typeof parsed.data === "string" ? parsed.data : parsed.data.sha;
  })
  .meta({ anyOf: [jsonSchemaOf(bareSha), jsonSchemaOf(ZCommitRef)] });

export const ZGateRequest = z.object({
  service: slug("service"),
  environment: slug("environment"),
  version: safeText({ message: "Name the version being deployed." }).trim().min(1, "Name the version being deployed.").max(200, "Keep the version under 200 characters."),
  commits: z
    .array(ZGateCommit, { message: "Give commits as a list." })
    .max(500, "At most 500 commits.")
    .optional()
    .describe("Bare shas, or the deployment report's commit objects { sha, committedAt?, message?, author? }: one list serves the gate and the report."),
  plannedAt: safeInstant("Give plannedAt as an ISO 8601 date-time, e.g. 2026-12-01T10:00:00Z.").optional(),
});
export type TGateRequest = z.input<typeof ZGateRequest>;

/** A change named in a path (the evidence pack): its id. */
export const ZChangeId = safeId("Name the change request by its id.");

export const CHANGE_TYPES = ["NORMAL", "EMERGENCY"] as const;

export const ZCreateChange = z
  .object({
    type: z.enum(CHANGE_TYPES, { message: "Choose normal or emergency." }),
    service: slug("service"),
    environment: slug("environment"),
    version: safeText().trim().max(200, "Keep the version under 200 characters.").transform((value) => value || null),
    summary: safeText().trim().min(5, "Summarise the change in a few words (at least 5 characters).").max(200, "Keep the summary under 200 characters."),
    description: safeText().trim().max(10_000, "Keep the description under 10,000 characters.").default(""),
    implementationPlan: safeText().trim().min(1, "Say how the change will be implemented.").max(10_000, "Too long."),
    rollbackPlan: safeText().trim().min(1, "Say how the change will be rolled back if it goes wrong.").max(10_000, "Too long."),
    plannedStart: optionalDate,
    plannedEnd: optionalDate,
    commits: safeText().trim().max(20_000, "Too many commits.").default("").transform((value) => value.split(/[\s,]+/).filter(Boolean)),
    submit: z.union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("")]).optional().transform((value) => value === true || value === "on" || value === "true"),
  })
  .superRefine((value, context) => {
    if (value.plannedStart && value.plannedEnd && value.plannedEnd <= value.plannedStart) {
      context.addIssue({ code: "custom", path: ["plannedEnd"], message: "The window must end after it starts." });
    }
    if (value.submit || value.type === "EMERGENCY") {
      if (!value.version) context.addIssue({ code: "custom", path: ["version"], message: "Name the version the change ships: the gate allows exactly that version." });
      if (value.type === "NORMAL" && !value.plannedStart) context.addIssue({ code: "custom", path: ["plannedStart"], message: "Plan when the change happens before submitting it to the CAB." });
    }
  });
export type TCreateChange = z.input<typeof ZCreateChange>;

export const ZDecision = z.object({
  decision: z.enum(["APPROVE", "REJECT"], { message: "Approve or reject." }),
  reason: safeText().trim().min(3, "Give the reason for the decision.").max(2000, "Keep the reason under 2,000 characters."),
});
export type TDecision = z.input<typeof ZDecision>;

export const ZComment = z.object({ body: safeText().trim().min(1, "Write a comment.").max(5000, "Keep comments under 5,000 characters.") });

export const ZReview = z.object({
  notes: safeText().trim().min(10, "Record what happened and what was learned (at least 10 characters).").max(10_000, "Too long."),
});

const listedId = safeId("Choose from the list.");
const idList = z.union([z.array(listedId), listedId, z.undefined()]).transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter(Boolean));

export const ZPattern = z.object({
  name: safeText().trim().min(3, "Name the pattern (at least 3 characters).").max(120, "Keep the name under 120 characters."),
  slug: safeText().trim().toLowerCase().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Lowercase letters, digits and single hyphens, e.g. routine-web-deploys.").max(80, "Too long."),
  description: safeText().trim().max(5000, "Keep the description under 5,000 characters.").default(""),
  serviceIds: idList,
  teamIds: idList,
  environmentIds: idList,
  tiers: z.union([z.array(z.enum(["TIER_1", "TIER_2", "TIER_3", "TIER_4"])), z.enum(["TIER_1", "TIER_2", "TIER_3", "TIER_4"]), z.undefined()]).transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
  rules: ZPatternRules,
});
export type TPattern = z.input<typeof ZPattern>;

export const FREEZE_SCOPES = ["ORGANISATION", "DOMAIN", "TEAM", "SERVICE"] as const;

export const ZFreeze = z
  .object({
    name: safeText().trim().min(3, "Name the freeze (at least 3 characters).").max(120, "Too long."),
    reason: safeText().trim().max(2000, "Too long.").default(""),
    scope: z.enum(FREEZE_SCOPES, { message: "Choose what the freeze covers." }),
    target: safeText().trim().max(100, "Choose from the list.").default(""),
    startsAt: optionalDate,
    endsAt: optionalDate,
  })
  .superRefine((value, context) => {
    if (!value.startsAt) context.addIssue({ code: "custom", path: ["startsAt"], message: "When does the freeze start?" });
    if (!value.endsAt) context.addIssue({ code: "custom", path: ["endsAt"], message: "When does the freeze end?" });
    if (value.startsAt && value.endsAt && value.endsAt <= value.startsAt) context.addIssue({ code: "custom", path: ["endsAt"], message: "The freeze must end after it starts." });
    if (value.scope !== "ORGANISATION" && !value.target) context.addIssue({ code: "custom", path: ["target"], message: `Choose the ${value.scope.toLowerCase()} the freeze covers.` });
  });
export type TFreeze = z.input<typeof ZFreeze>;

export const ZRequiredCheck = z
  .object({
    service: safeText().trim().max(100, "Choose from the list.").default(""),
    pattern: safeText().trim().max(100, "Choose from the list.").default(""),
    name: safeText().trim().min(1, "Name the health check, as the pipeline reports it.").max(120, "Too long."),
    deadlineMinutes: boundedInt({ min: 1, max: 10_080 }, { type: "Whole minutes.", min: "At least one minute.", max: "At most a week." }),
  })
  .superRefine((value, context) => {
    if (!value.service === !value.pattern) context.addIssue({ code: "custom", path: ["service"], message: "Choose a service or a pattern (one of them)." });
  });
export type TRequiredCheck = z.input<typeof ZRequiredCheck>;

export const ZCabSettings = z.object({
  quorum: boundedInt({ min: 1, max: 10 }, { type: "A whole number.", min: "At least one approval.", max: "At most 10." }),
  emergencyReviewHours: boundedInt({ min: 1, max: 720 }, { type: "Whole hours.", min: "At least one hour.", max: "At most 30 days." }),
  meetingWeekday: boundedInt({ min: 1, max: 7 }, { min: "Monday is 1.", max: "Sunday is 7." }),
  meetingTime: safeText().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "A time like 10:00."),
});
