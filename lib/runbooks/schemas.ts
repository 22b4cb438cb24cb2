import { z } from "zod";

/** "a, b\nc" or ["a","b"] → trimmed, de-duplicated list; forms send one string, the API an array. */
const list = (itemMessage: string, pattern: RegExp, max: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .default([])
    .transform((value) => (Array.isArray(value) ? value : value.split(/[,\n]/)))
    .transform((items) => [...new Set(items.map((item) => item.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(100, "Keep each entry under 100 characters.").regex(pattern, itemMessage)).max(max, `At most ${max} entries.`));

export const ZRunbookContent = z.object({
  title: z.string().trim().min(3, "Give the runbook a title of at least 3 characters.").max(150, "Keep the title under 150 characters."),
  body: z.string().max(200_000, "Keep the runbook under 200,000 characters; split it into several runbooks.").default(""),
  tags: list("Tags use letters, digits, hyphens and underscores, e.g. database, failover.", /^[\p{L}\p{N}_-]+$/u, 20).transform((tags) =>
    tags.map((tag) => tag.toLowerCase()),
  ),
  alertNames: list("Alert names use letters, digits and . _ : / - (as your alerting tool sends them).", /^[\w.:/-]+$/, 30),
  reviewIntervalDays: z.coerce
    .number({ message: "Enter the review interval in days." })
    .int("Whole days only.")
    .min(7, "Review at least every 7 days or more rarely.")
    .max(730, "Review at least every two years.")
    .default(90),
  ownerId: z
    .string()
    .trim()
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .default(null),
  summary: z.string().trim().max(300, "Keep the summary under 300 characters.").default(""),
});
export type TRunbookContentInput = z.input<typeof ZRunbookContent>;
export type TRunbookContent = z.output<typeof ZRunbookContent>;

export const ZCreateRunbook = ZRunbookContent;
export type TCreateRunbookInput = TRunbookContentInput;

/** An edit says which revision it was based on: saving on top of a newer one is a conflict. */
export const ZUpdateRunbook = ZRunbookContent.extend({
  baseRevision: z.coerce.number({ message: "The form is missing its revision; reload the page." }).int().min(1),
});
export type TUpdateRunbookInput = z.input<typeof ZUpdateRunbook>;

export const ZRestoreRevision = z.object({
  number: z.coerce.number().int().min(1, "Choose a revision to restore."),
  baseRevision: z.coerce.number().int().min(1),
});

export const ZRunbookTemplateInput = z.object({
  name: z.string().trim().min(3, "Give the template a name of at least 3 characters.").max(80, "Keep the name under 80 characters."),
  slug: z
    .string()
    .trim()
    .min(2, "The slug needs at least 2 characters.")
    .max(60, "Keep the slug under 60 characters.")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens, e.g. alert-response."),
  description: z.string().trim().max(300, "Keep the description under 300 characters.").default(""),
  body: z.string().min(1, "A template needs a body.").max(100_000, "Keep templates under 100,000 characters."),
  tags: ZRunbookContent.shape.tags,
  isStarter: z
    .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
    .default(false)
    .transform((value) => value === true || value === "on" || value === "true"),
});
export type TRunbookTemplateInput = z.input<typeof ZRunbookTemplateInput>;

export const ZRunbookSearch = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  team: z.string().trim().max(100).optional().catch(undefined),
  service: z.string().trim().max(100).optional().catch(undefined),
  stale: z.enum(["only"]).optional().catch(undefined),
  /** 1-based results page; out-of-range values fall back to the first page. */
  page: z.coerce.number().int().min(1).max(500).optional().catch(undefined),
});
export type TRunbookSearch = z.infer<typeof ZRunbookSearch>;

export const ZAlertLookup = z.object({
  service: z.string({ message: "Give the service slug: ?service=<slug>." }).trim().min(1, "Give the service slug: ?service=<slug>."),
  alert: z.string({ message: "Give the alert name: &alert=<name>." }).trim().min(1, "Give the alert name: &alert=<name>.").max(200),
});
