"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { PersonActor } from "@/lib/auth/actor";
import { db, type Db } from "@/lib/db";
import { boundId } from "@/lib/forms/bound-args";
import { formDataToObject } from "@/lib/forms/form-state";
import { runFormAction, type FormState } from "@/lib/forms/run-form-action";
import { inviteParticipant } from "@/lib/reviews/invite-participant";
import { publishReview } from "@/lib/reviews/publish-review";
import { recordAnalysis } from "@/lib/reviews/record-analysis";
import { removeAction } from "@/lib/reviews/remove-action";
import { removeFactor } from "@/lib/reviews/remove-factor";
import { removeTimelineEntry } from "@/lib/reviews/remove-timeline-entry";
import { saveAction } from "@/lib/reviews/save-action";
import { saveFactor } from "@/lib/reviews/save-factor";
import { saveTimelineEntry } from "@/lib/reviews/save-timeline-entry";
import { scheduleReview } from "@/lib/reviews/schedule-review";
import { shareAnalysis } from "@/lib/reviews/share-analysis";
import { startDrafting } from "@/lib/reviews/start-drafting";
import { updateReview } from "@/lib/reviews/update-review";

/** Each form posts its fields; the review comes bound, never from the browser's fields. */
function reviewForm(useCase: (prisma: Db, person: PersonActor, input: unknown) => Promise<unknown>, message: string, fix?: (fields: Record<string, unknown>) => Record<string, unknown>) {
  return async (reviewId: unknown, _previous: FormState, formData: FormData): Promise<FormState> =>
    runFormAction(async (person) => {
      const id = boundId(reviewId);
      const fields = formDataToObject(formData);
      await useCase(db(), person, { ...(fix ? fix(fields) : fields), reviewId: id });
      revalidatePath(`/reviews/${id}`);
      return { status: "success", message };
    });
}

/** The form's datetime-local fields are UTC wall time (the form says so): "2026-12-02T10:00" → "…:00Z". */
const utc = (value: unknown) => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00Z` : value);

export async function recordAnalysisAction(reviewId: unknown, previous: FormState, formData: FormData): Promise<FormState> {
  return reviewForm(recordAnalysis, "Analysis saved: only you can see it until you share it.")(reviewId, previous, formData);
}
export async function shareAnalysisAction(reviewId: unknown, previous: FormState, formData: FormData): Promise<FormState> {
  return reviewForm(shareAnalysis, "Shared with the other participants.")(reviewId, previous, formData);
}
export async function inviteParticipantAction(reviewId: unknown, previous: FormState, formData: FormData): Promise<FormState> {
  return reviewForm(inviteParticipant, "Invited.")(reviewId, previous, formData);
}
export async function startDraftingAction(reviewId: unknown, previous: FormState, formData: FormData): Promise<FormState> {
  return reviewForm(startDrafting, "The joint review has started: the incident's timeline is copied in.")(reviewId, previous, formData);
}
export async function updateReviewAction(reviewId: unknown, previous: FormState, formData: FormData): Promise<FormState> {
  return reviewForm(updateReview, "Saved.")(reviewId, previous, formData);
}
export async function saveTimelineEntryAction(reviewId: unknown, previous: FormState, formData: FormData): Promise<FormState> {
  return reviewForm(saveTimelineEntry, "Timeline saved.", ({ occurredAtLocal, ...fields }) => ({ ...fields, occurredAt: utc(occurredAtLocal) }))(reviewId, previous, formData);
}
export async function removeTimelineEntryAction(reviewId: unknown, previous: FormState, formData: FormData): Promise<FormState> {
  return reviewForm(removeTimelineEntry, "Entry removed.")(reviewId, previous, formData);
}
export async function saveFactorAction(reviewId: unknown, previous: FormState, formData: FormData): Promise<FormState> {
  return reviewForm(saveFactor, "Factor saved.")(reviewId, previous, formData);
}
export async function removeFactorAction(reviewId: unknown, previous: FormState, formData: FormData): Promise<FormState> {
  return reviewForm(removeFactor, "Factor removed.")(reviewId, previous, formData);
}
export async function saveActionAction(reviewId: unknown, previous: FormState, formData: FormData): Promise<FormState> {
  return reviewForm(saveAction, "Action saved.")(reviewId, previous, formData);
}
export async function removeActionAction(reviewId: unknown, previous: FormState, formData: FormData): Promise<FormState> {
  return reviewForm(removeAction, "Action removed.")(reviewId, previous, formData);
}
export async function publishReviewAction(reviewId: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const id = boundId(reviewId);
    const result = await publishReview(db(), person, { reviewId: id });
    revalidatePath(`/reviews/${id}`);
    revalidatePath("/reviews");
    const repeats = result.repeats.length ? ` ${result.repeats.length} action${result.repeats.length === 1 ? " was" : "s were"} raised before.` : "";
    return { status: "success", message: `Published to the organisation.${result.closedIncident ? " The incident is closed." : ""}${repeats}` };
  });
}

/** "Schedule a review" on an incident's page: to the new review. */
export async function scheduleReviewAction(incidentId: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const id = boundId(incidentId);
    const review = await scheduleReview(db(), person, { ...formDataToObject(formData), incidentId: id });
    revalidatePath(`/incidents/${id}`);
    redirect(`/reviews/${review.id}`);
  });
}
