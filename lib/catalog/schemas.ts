import { z } from "zod";
import { wholeAmount } from "../money/amount-schema";
import type { MoneyUnit } from "../money/currency";
import { safeId, safeText } from "../validation/text";

const optionalUrl = safeText()
  .trim()
  .max(500, "Keep URLs under 500 characters.")
  .refine((value) => value === "" || /^https?:\/\/\S+$/i.test(value), "Enter a full http(s) URL, e.g. https://github.com/org/repo.")
  .transform((value) => (value === "" ? null : value));

export const ZServiceLink = z.object({
  kind: z.enum(["DASHBOARD", "ALERTS", "DOCS", "OTHER"], { message: "Choose what the link is." }),
  label: safeText().trim().min(1, "Give the link a label.").max(80, "Keep labels under 80 characters."),
  url: safeText().trim().regex(/^https?:\/\/\S+$/i, "Enter a full http(s) URL.").max(500, "Keep URLs under 500 characters."),
});

/** The exposure is read in the organisation's currency ("2,000,000", "2m", "£2.5k"): the schema needs its unit. */
export const serviceInputSchema = (unit: MoneyUnit) => z.object({
  name: safeText().trim().min(2, "Enter a name of at least 2 characters.").max(100, "Keep the name under 100 characters."),
  slug: safeText()
    .trim()
    .min(2, "The slug needs at least 2 characters.")
    .max(60, "Keep the slug under 60 characters.")
    // Checked only once the length is right, so an empty slug gets one message, not two.
    .refine((slug) => slug.length < 2 || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug), "Use lowercase letters, digits and single hyphens, e.g. payment-gateway."),
  description: safeText().trim().max(2000, "Keep the description under 2000 characters.").default(""),
  teamId: safeId("Choose the owning team."),
  lifecycle: z.enum(["EXPERIMENTAL", "PRODUCTION", "DEPRECATED"], { message: "Choose a lifecycle." }),
  tier: z.enum(["TIER_1", "TIER_2", "TIER_3", "TIER_4"], { message: "Choose a tier." }),
  // At most a billion an hour: far above any real estimate, and it fits the INT4 column.
  maxLossPerHour: wholeAmount(unit, 1_000_000_000),
  availabilityTarget: z.enum(["P95_0", "P99_0", "P99_9", "P99_99"], { message: "Choose an availability target." }),
  targetJustification: safeText()
    .trim()
    .max(1000, "Keep the justification under 1000 characters.")
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .default(null),
  deploymentTarget: z.enum(["MONTHLY", "FORTNIGHTLY", "WEEKLY", "DAILY"], { message: "Choose a deployment target." }),
  repositoryUrl: optionalUrl.nullable().default(null),
  links: z.array(ZServiceLink).max(20, "At most 20 links.").default([]),
});

export type TServiceInput = z.input<ReturnType<typeof serviceInputSchema>>;
export type TServiceData = z.output<ReturnType<typeof serviceInputSchema>>;

export const ZServiceFilters = z.object({
  q: safeText().trim().max(100).optional().catch(undefined),
  team: safeText().trim().max(100).optional().catch(undefined),
  domain: safeText().trim().max(100).optional().catch(undefined),
  tier: z.enum(["TIER_1", "TIER_2", "TIER_3", "TIER_4"]).optional().catch(undefined),
  target: z.enum(["P95_0", "P99_0", "P99_9", "P99_99"]).optional().catch(undefined),
  lifecycle: z.enum(["EXPERIMENTAL", "PRODUCTION", "DEPRECATED"]).optional().catch(undefined),
  archived: z
    .enum(["include", "only"])
    .optional()
    .catch(undefined),
});
export type TServiceFilters = z.infer<typeof ZServiceFilters>;
