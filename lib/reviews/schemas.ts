// Input schemas of the review use cases (portal forms, the demo seed and the reviews API).
import { z } from "zod";
import { safeDay, safeInstant } from "../validation/instant";
import { safeId, safeText } from "../validation/text";

/** Empty form fields arrive as "": treat them as not given. */
const blank = (value: unknown) => (value === "" || value === null ? undefined : value);
const reviewId = safeId("Name the review.");
const longText = (max = 20_000) => safeText().trim().max(max, `At most ${max.toLocaleString("en-GB")} characters.`).default("");

/** Tags: free words, lower case, from "a, b c" or a list; at most 20 of 40 characters. */
export const ZTags = z.preprocess(
  (value) => (typeof value === "string" ? value.split(/[,\s]+/) : value),
  z.array(safeText().trim().toLowerCase().max(40, "A tag has at most 40 characters."))
    .transform((tags) => [...new Set(tags.filter(Boolean).map((tag) => tag.replace(/[^\p{L}\p{N}_-]/gu, "")).filter(Boolean))])
    .pipe(z.array(z.string()).max(20, "At most 20 tags.")),
).default([]);

/** A date from a date field (YYYY-MM-DD, end of that day UTC is not implied: read as given) or an instant. */
const dueDate = z.preprocess(blank, z.union([safeInstant(), safeDay()], { message: "Give the due date as YYYY-MM-DD." }).optional());

export const ZScheduleReview = z.object({ incidentId: safeId("Name the incident."), dueAt: dueDate });
export const ZReviewRef = z.object({ reviewId });
export const ZRecordAnalysis = z.object({
  reviewId,
  analysis: safeText({ message: "Write your analysis." }).trim().min(1, "Write your analysis.").max(50_000, "At most 50,000 characters."),
});
export const ZInviteParticipant = z.object({ reviewId, personId: safeId("Pick who to invite.") });

export const ZUpdateReview = z.object({
  reviewId,
  summary: longText(),
  impactNotes: longText(5_000),
  wentWell: longText(),
  wasHard: longText(),
  learnings: longText(),
  tags: ZTags,
  dueAt: dueDate,
  facilitatorId: z.preprocess(blank, safeId().optional()),
});

export const ZSaveTimelineEntry = z.object({
  reviewId,
  entryId: z.preprocess(blank, safeId().optional()),
  occurredAt: safeInstant("Give the time as an ISO date-time, e.g. 2026-11-26T10:00:00Z."),
  message: safeText({ message: "Say what happened." }).trim().min(1, "Say what happened.").max(2_000, "At most 2,000 characters."),
});
export const ZRemoveTimelineEntry = z.object({ reviewId, entryId: safeId("Name the entry.") });

export const FACTOR_KINDS = ["HUMAN", "TECHNICAL"] as const;
export const ZSaveFactor = z.object({
  reviewId,
  factorId: z.preprocess(blank, safeId().optional()),
  kind: z.enum(FACTOR_KINDS, { message: "A factor is HUMAN or TECHNICAL." }),
  description: safeText({ message: "Describe the factor." }).trim().min(3, "Describe the factor (at least 3 characters).").max(5_000, "At most 5,000 characters."),
  tags: ZTags,
});
export const ZRemoveFactor = z.object({ reviewId, factorId: safeId("Name the factor.") });

export const ZSaveAction = z.object({
  reviewId,
  actionId: z.preprocess(blank, safeId().optional()),
  title: safeText({ message: "Name the action." }).trim().min(3, "Name the action (at least 3 characters).").max(200, "At most 200 characters."),
  description: longText(5_000),
  ownerId: z.preprocess(blank, safeId().optional()),
  dueAt: dueDate,
  factorId: z.preprocess(blank, safeId().optional()),
});
export const ZRemoveAction = z.object({ reviewId, actionId: safeId("Name the action.") });

export const ZLibraryQuery = z.object({
  q: z.preprocess(blank, safeText().trim().max(200, "At most 200 characters.").optional()),
  tag: z.preprocess(blank, safeText().trim().toLowerCase().max(40, "A tag has at most 40 characters.").optional()),
  service: z.preprocess(blank, safeText().trim().max(100).optional()),
  team: z.preprocess(blank, safeText().trim().max(100).optional()),
  cursor: z.preprocess(blank, safeText().max(200).optional()),
  limit: z.preprocess(blank, z.coerce.number({ message: "limit is a whole number from 1 to 100." }).int("limit is a whole number from 1 to 100.").min(1, "limit is a whole number from 1 to 100.").max(100, "limit is a whole number from 1 to 100.").default(20)),
});
export type TLibraryQuery = z.infer<typeof ZLibraryQuery>;
