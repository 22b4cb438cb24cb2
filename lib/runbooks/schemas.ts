import { z } from "zod";
import { boundedInt, INT4_MAX } from "../validation/numbers";
import { safeText } from "../validation/text";
import { normaliseRunbookText } from "./normalise-text";

/** "a, b\nc" or ["a","b"] → trimmed, de-duplicated list; forms send one string, the API an array. */
const list = (itemMessage: string, pattern: RegExp, max: number) =>
  z
    .union([safeText().max(20_000, "Too many entries."), z.array(safeText())])
    .default([])
    .transform((value) => (Array.isArray(value) ? value : value.split(/[,\n]/)))
    .transform((items) => [...new Set(items.map((item) => item.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(100, "Keep each entry under 100 characters.").regex(pattern, itemMessage)).max(max, `At most ${max} entries.`));

export const ZRunbookContent = z.object({
  title: safeText().trim().min(3, "Give the runbook a title of at least 3 characters.").max(150, "Keep the title under 150 characters."),
  body: safeText().max(200_000, "Keep the runbook under 200,000 characters; split it into several runbooks.").default("").transform(normaliseRunbookText),
  tags: list("Tags use letters, digits, hyphens and underscores, e.g. database, failover.", /^[\p{L}\p{N}_-]+$/u, 20).transform((tags) =>
    tags.map((tag) => tag.toLowerCase()),
  ),
  alertNames: list("Alert names use letters, digits and . _ : / - (as your alerting tool sends them).", /^[\w.:/-]+$/, 30),
  reviewIntervalDays: boundedInt(
    { min: 7, max: 730 },
    { type: "Whole days only.", min: "Review at least every 7 days or more rarely.", max: "Review at least every two years." },
  ).default(90),
  ownerId: safeText()
    .trim()
    .max(100, "Choose the owner from the list.")
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .default(null),
  summary: safeText().trim().max(300, "Keep the summary under 300 characters.").default(""),
});
export type TRunbookContentInput = z.input<typeof ZRunbookContent>;
export type TRunbookContent = z.output<typeof ZRunbookContent>;

export const ZCreateRunbook = ZRunbookContent;
export type TCreateRunbookInput = TRunbookContentInput;

/** An edit says which revision it was based on: saving on top of a newer one is a conflict. */
export const ZUpdateRunbook = ZRunbookContent.extend({
  baseRevision: boundedInt({ min: 1, max: INT4_MAX }, { type: "The form is missing its revision; reload the page." }),
});
export type TUpdateRunbookInput = z.input<typeof ZUpdateRunbook>;

export const ZRestoreRevision = z.object({
  number: boundedInt({ min: 1, max: INT4_MAX }, { type: "Choose a revision to restore.", min: "Choose a revision to restore.", max: "Choose a revision to restore." }),
  baseRevision: boundedInt({ min: 1, max: INT4_MAX }, { type: "The form is missing its revision; reload the page." }),
});

export const ZRunbookTemplateInput = z.object({
  name: safeText().trim().min(3, "Give the template a name of at least 3 characters.").max(80, "Keep the name under 80 characters."),
  slug: safeText()
    .trim()
    .min(2, "The slug needs at least 2 characters.")
    .max(60, "Keep the slug under 60 characters.")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens, e.g. alert-response."),
  description: safeText().trim().max(300, "Keep the description under 300 characters.").default(""),
  body: safeText().min(1, "A template needs a body.").max(100_000, "Keep templates under 100,000 characters.").transform(normaliseRunbookText),
  tags: ZRunbookContent.shape.tags,
  isStarter: z
    .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
    .default(false)
    .transform((value) => value === true || value === "on" || value === "true"),
});
export type TRunbookTemplateInput = z.input<typeof ZRunbookTemplateInput>;

export const ZRunbookSearch = z.object({
  q: safeText().trim().max(200).optional().catch(undefined),
  team: safeText().trim().max(100).optional().catch(undefined),
  service: safeText().trim().max(100).optional().catch(undefined),
  stale: z.enum(["only"]).optional().catch(undefined),
  /** 1-based results page; out-of-range values fall back to the first page. */
  page: z.coerce.number().int().min(1).max(500).optional().catch(undefined),
});
export type TRunbookSearch = z.infer<typeof ZRunbookSearch>;

export const ZAlertLookup = z.object({
  service: safeText({ message: "Give the service slug: ?service=<slug>." }).trim().min(1, "Give the service slug: ?service=<slug>.").max(100, "At most 100 characters."),
  alert: safeText({ message: "Give the alert name: &alert=<name>." }).trim().min(1, "Give the alert name: &alert=<name>.").max(200, "At most 200 characters."),
});
