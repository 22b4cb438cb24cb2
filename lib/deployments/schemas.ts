// Input schemas for the deployments API. Field names are the pipeline's: lower-case statuses, ISO dates.
import { z } from "zod";
import { safeDay, safeInstant } from "../validation/instant";
import { boundedInt } from "../validation/numbers";
import { safeText, storable } from "../validation/text";
import { ZHypothesisRef } from "../hypotheses/schemas";

export const API_STATUSES = ["started", "succeeded", "failed", "rolled_back"] as const;
export type ApiStatus = (typeof API_STATUSES)[number];

const isoDate = (what: string) => safeInstant(`${what} must be an ISO 8601 date-time, e.g. 2026-11-26T10:00:00Z.`);

const slug = (what: string) =>
  safeText({ message: `Name the ${what} by its slug.` }).trim().min(1, `Name the ${what} by its slug.`).max(100, "At most 100 characters.");

export const COMMIT_SHA = /^[0-9a-f]{7,64}$/i;
export const COMMIT_SHA_MESSAGE = "A commit SHA is 7 to 64 hexadecimal characters.";

export const ZCommit = z.object({
  sha: safeText({ message: "Give the commit SHA." }).regex(COMMIT_SHA, COMMIT_SHA_MESSAGE),
  committedAt: isoDate("committedAt"),
  message: safeText().max(2000, "At most 2,000 characters.").optional(),
  author: safeText().max(200, "At most 200 characters.").optional(),
});

/**
 * A commit as the gate takes it (POST /api/v1/changes/gate): the report's commit object with
 * committedAt optional, so a pipeline can send one `commits` list to the gate and the report.
 */
export const ZCommitRef = ZCommit.extend({ committedAt: isoDate("committedAt").optional() });

export const ZReportDeployment = z
  .object({
    service: slug("service"),
    environment: slug("environment"),
    version: safeText({ message: "Give the version being deployed." }).trim().min(1, "Give the version being deployed.").max(200, "At most 200 characters."),
    externalId: safeText({ message: "Give the pipeline's run id, so replays and updates land on the same deployment." })
      .trim()
      .min(1, "Give the pipeline's run id, so replays and updates land on the same deployment.")
      .max(200, "At most 200 characters."),
    status: z.enum(API_STATUSES, { message: `Status is one of: ${API_STATUSES.join(", ")}.` }),
    startedAt: isoDate("startedAt"),
    finishedAt: isoDate("finishedAt").optional(),
    commits: z.array(ZCommit).max(1000, "At most 1,000 commits per deployment.").default([]),
    pipelineUrl: storable(z.url({ protocol: /^https?$/, message: "Give an http(s) URL." }).max(2000, "At most 2,000 characters.")).optional(),
    deployer: safeText().trim().max(200, "At most 200 characters.").optional(),
    /** The outcome hypothesis this release ships (lib/hypotheses): "HYP-12" or its id; production releases are linked. */
    hypothesis: ZHypothesisRef.describe('The outcome hypothesis the release ships: "HYP-12" or its id, of the same service. Production releases are linked to it.').optional(),
  })
  .superRefine((value, ctx) => {
    if (value.finishedAt && Date.parse(value.finishedAt) < Date.parse(value.startedAt)) {
      ctx.addIssue({ code: "custom", path: ["finishedAt"], message: "finishedAt cannot be before startedAt." });
    }
    const seen = new Set<string>();
    value.commits.forEach((commit, index) => {
      const sha = commit.sha.toLowerCase();
      if (seen.has(sha)) ctx.addIssue({ code: "custom", path: ["commits", index, "sha"], message: "This commit is listed twice." });
      seen.add(sha);
    });
  });
export type TReportDeployment = z.input<typeof ZReportDeployment>;

export const ZReportHealthCheck = z.object({
  name: safeText({ message: "Name the check." }).trim().min(1, "Name the check.").max(200, "At most 200 characters."),
  status: z.enum(["pass", "fail"], { message: "Status is pass or fail." }),
  details: safeText().max(5000, "At most 5,000 characters.").optional(),
  checkedAt: isoDate("checkedAt").optional(),
});
export type TReportHealthCheck = z.input<typeof ZReportHealthCheck>;

/** The deployment a health check is about, from the path: its id. */
export const ZDeploymentId = safeText({ message: "Name the deployment by its id." }).min(1, "Name the deployment by its id.").max(200, "No deployment has such a long id.");

export const ZListDeploymentsQuery = z.object({
  service: safeText().trim().min(1, "Name the service by its slug.").max(100, "At most 100 characters.").optional(),
  environment: safeText().trim().min(1, "Name the environment by its slug.").max(100, "At most 100 characters.").optional(),
  limit: boundedInt({ min: 1, max: 200 }, { type: "limit is a whole number." }).default(50),
});
export type TListDeploymentsQuery = z.input<typeof ZListDeploymentsQuery>;

const optionalText = safeText().trim().max(100).optional().catch(undefined);
const optionalDay = safeDay().optional().catch(undefined);

/** Filters of the history page; bad values are dropped rather than failing the page. */
export const ZDeploymentFilters = z.object({
  service: optionalText,
  team: optionalText,
  environment: optionalText,
  status: z.enum(["STARTED", "SUCCEEDED", "FAILED", "ROLLED_BACK"]).optional().catch(undefined),
  from: optionalDay,
  to: optionalDay,
});
export type TDeploymentFilters = z.infer<typeof ZDeploymentFilters>;

export const PERIOD_DAYS = [30, 90, 180, 365] as const;
export const DEFAULT_PERIOD_DAYS = 90;

/** The metrics page: one scope (organisation, domain, team or service) over the last N days. */
export const ZMetricsQuery = z.object({
  domain: optionalText,
  team: optionalText,
  service: optionalText,
  days: z.coerce.number().pipe(z.union(PERIOD_DAYS.map((days) => z.literal(days)))).catch(DEFAULT_PERIOD_DAYS).default(DEFAULT_PERIOD_DAYS),
});
export type TMetricsQuery = z.infer<typeof ZMetricsQuery>;
