// Input schemas of the backlog use cases (portal forms, the API and the CSV import).
import { z } from "zod";
import { safeDay } from "../validation/instant";
import { boundedInt } from "../validation/numbers";
import { safeId, safeText } from "../validation/text";

export const ITEM_TYPES = ["PRODUCT", "OPERATIONAL"] as const;
export const SUBTYPES = ["RELIABILITY", "OPERABILITY", "SECURITY_PATCH", "LIBRARY_UPGRADE", "TECH_DEBT", "INCIDENT_ACTION", "TOIL"] as const;
export const STATUSES = ["TODO", "DOING", "DONE"] as const;
export const ESTIMATE_MAX = 100;

export type TItemType = (typeof ITEM_TYPES)[number];
export type TSubtype = (typeof SUBTYPES)[number];
export type TStatus = (typeof STATUSES)[number];

/** Empty form fields arrive as "": treat them as not given. */
const blank = (value: unknown) => (value === "" || value === null ? undefined : value);

const title = safeText({ message: "Say what the work is in a line." }).trim().min(3, "Say what the work is in a line (at least 3 characters).").max(200, "At most 200 characters.");
const description = safeText({ message: "The description is text." }).trim().max(10_000, "At most 10,000 characters.");
export const ZEstimate = boundedInt({ min: 0, max: ESTIMATE_MAX }, { type: "The estimate is a whole number of points.", min: "At least 0 points.", max: `At most ${ESTIMATE_MAX} points.` });
const label = safeText().trim().min(1).max(40, "A label has at most 40 characters.").regex(/^[\p{L}\p{N} _.:/-]+$/u, "A label has letters, digits, spaces and - _ . : / only.");
const labels = z.preprocess(
  (value) => (typeof value === "string" ? value.split(",").map((part) => part.trim()).filter(Boolean) : value),
  z.array(label).max(20, "At most 20 labels.").transform((list) => [...new Set(list.map((l) => l.toLowerCase()))]),
);
const optionalId = (message: string) => z.preprocess(blank, safeId(message).optional());

/** The fields a person types for an item; the type and subtype go together (checked below). */
const itemFields = {
  title,
  description: description.default(""),
  type: z.enum(ITEM_TYPES, { message: "Choose product or operational work." }),
  subtype: z.preprocess(blank, z.enum(SUBTYPES, { message: "Choose what kind of operational work it is." }).optional()),
  estimate: z.preprocess(blank, ZEstimate.optional()),
  ownerId: optionalId("Choose the owner among the team's members."),
  dueOn: z.preprocess(blank, safeDay("Give the due date as YYYY-MM-DD.").optional()),
  labels: z.preprocess(blank, labels.optional()),
  serviceId: optionalId("Choose one of the team's services."),
  incidentNumber: z.preprocess(
    (value) => (typeof value === "string" ? blank(value.trim().replace(/^INC-/i, "")) : blank(value)),
    boundedInt({ min: 1, max: 2_000_000_000 }, { type: "Name the incident by its number, e.g. INC-42." }).optional(),
  ),
  deploymentId: optionalId("Name the deployment by its id."),
  hypothesisId: optionalId("Name the hypothesis by its id."),
};

type TypedFields = { type: TItemType; subtype?: TSubtype | undefined };
/** Operational work says what kind it is; product work has no subtype. */
export function checkSubtype(value: TypedFields, ctx: z.RefinementCtx) {
  if (value.type === "OPERATIONAL" && !value.subtype) ctx.addIssue({ code: "custom", path: ["subtype"], message: "Operational work says what kind it is: choose a subtype." });
  if (value.type === "PRODUCT" && value.subtype) ctx.addIssue({ code: "custom", path: ["subtype"], message: "Product work has no operational subtype: leave it empty." });
}

const teamSlug = safeId("Name the team by its slug.");
const itemId = safeId("Name the backlog item.");

export const ZCreateItem = z.object({ teamSlug, status: z.preprocess(blank, z.enum(STATUSES, { message: "Status is to do, doing or done." }).default("TODO")), ...itemFields }).superRefine(checkSubtype);
export type TCreateItem = z.input<typeof ZCreateItem>;

export const ZEditItem = z.object({ itemId, ...itemFields }).superRefine(checkSubtype);
export type TEditItem = z.input<typeof ZEditItem>;

export const ZMoveItem = z.object({ itemId, status: z.enum(STATUSES, { message: "Status is to do, doing or done." }) });
export const ZDeleteItem = z.object({ itemId });

/**
 * A reorder names the item and where it goes: to the top or the bottom, or right after / before another
 * item of the same backlog. Never a rank: the server computes it from the neighbours it reads.
 */
export const ZReorderItem = z.discriminatedUnion(
  "to",
  [
    z.object({ itemId, to: z.literal("top") }),
    z.object({ itemId, to: z.literal("bottom") }),
    z.object({ itemId, to: z.literal("after"), targetId: safeId("Name the item it goes after.") }),
    z.object({ itemId, to: z.literal("before"), targetId: safeId("Name the item it goes before.") }),
  ],
  { message: "Say where it goes: top, bottom, after or before another item." },
);
export type TReorderItem = z.input<typeof ZReorderItem>;

export const ZSetTarget = z.object({
  teamSlug,
  target: z.preprocess(blank, boundedInt({ min: 0, max: 100 }, { type: "The target is a whole percentage.", min: "At least 0 %.", max: "At most 100 %." }).nullable().default(null)),
});

export const ZBacklogApiQuery = z.object({ slug: safeId("Name the team by its slug.").regex(/^[a-z0-9-]+$/, "A team slug has lowercase letters, digits and dashes.") });

export const ZImportInput = z.object({
  teamSlug,
  csv: z.string({ message: "Choose a CSV file." }),
  dryRun: z.preprocess((value) => value === true || value === "true" || value === "on" || value === "1", z.boolean()),
  fileName: z.preprocess(blank, safeText().trim().max(200).optional()),
});

/** One row of a CSV import, after its columns are mapped to Runwell's fields (csv-import.ts). */
export const ZImportRow = z
  .object({
    title,
    description: description.default(""),
    type: z.enum(ITEM_TYPES, { message: "Type is PRODUCT or OPERATIONAL." }),
    subtype: z.preprocess(blank, z.enum(SUBTYPES, { message: `Subtype is one of ${SUBTYPES.join(", ")}.` }).optional()),
    status: z.enum(STATUSES, { message: "Status is To Do, In Progress or Done." }),
    estimate: z.preprocess(blank, ZEstimate.optional()),
    labels: labels.default([]),
    importedKey: z.preprocess(blank, safeText().trim().max(100, "At most 100 characters.").optional()),
  })
  .superRefine(checkSubtype);
export type TImportRow = z.output<typeof ZImportRow>;
