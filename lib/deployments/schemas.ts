// Input schemas for the deployments API. Field names are the pipeline's: lower-case statuses, ISO dates.
import { z } from "zod";

export const API_STATUSES = ["started", "succeeded", "failed", "rolled_back"] as const;
export type ApiStatus = (typeof API_STATUSES)[number];

const isoDate = (what: string) =>
  z.iso.datetime({ offset: true, message: `${what} must be an ISO 8601 date-time, e.g. 2026-11-26T10:00:00Z.` });

const slug = (what: string) =>
  z.string({ message: `Name the ${what} by its slug.` }).trim().min(1, `Name the ${what} by its slug.`).max(100, "At most 100 characters.");

export const ZCommit = z.object({
  sha: z.string({ message: "Give the commit SHA." }).regex(/^[0-9a-f]{7,64}$/i, "A commit SHA is 7 to 64 hexadecimal characters."),
  committedAt: isoDate("committedAt"),
  message: z.string().max(2000, "At most 2,000 characters.").optional(),
  author: z.string().max(200, "At most 200 characters.").optional(),
});

export const ZReportDeployment = z
  .object({
    service: slug("service"),
    environment: slug("environment"),
    version: z.string({ message: "Give the version being deployed." }).trim().min(1, "Give the version being deployed.").max(200, "At most 200 characters."),
    externalId: z
      .string({ message: "Give the pipeline's run id, so replays and updates land on the same deployment." })
      .trim()
      .min(1, "Give the pipeline's run id, so replays and updates land on the same deployment.")
      .max(200, "At most 200 characters."),
    status: z.enum(API_STATUSES, { message: `Status is one of: ${API_STATUSES.join(", ")}.` }),
    startedAt: isoDate("startedAt"),
    finishedAt: isoDate("finishedAt").optional(),
    commits: z.array(ZCommit).max(1000, "At most 1,000 commits per deployment.").default([]),
    pipelineUrl: z.url({ protocol: /^https?$/, message: "Give an http(s) URL." }).max(2000).optional(),
    deployer: z.string().trim().max(200, "At most 200 characters.").optional(),
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
  name: z.string({ message: "Name the check." }).trim().min(1, "Name the check.").max(200, "At most 200 characters."),
  status: z.enum(["pass", "fail"], { message: "Status is pass or fail." }),
  details: z.string().max(5000, "At most 5,000 characters.").optional(),
  checkedAt: isoDate("checkedAt").optional(),
});
export type TReportHealthCheck = z.input<typeof ZReportHealthCheck>;

export const ZListDeploymentsQuery = z.object({
  service: z.string().trim().min(1).max(100).optional(),
  environment: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number({ message: "limit is a whole number." }).int("limit is a whole number.").min(1, "At least 1.").max(200, "At most 200.").default(50),
});
export type TListDeploymentsQuery = z.input<typeof ZListDeploymentsQuery>;

const optionalText = z.string().trim().max(100).optional().catch(undefined);
const optionalDay = z.iso.date().optional().catch(undefined);

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
