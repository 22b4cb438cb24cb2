"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { RunbookFormState } from "@/components/runbooks/runbook-form-state";
import { db } from "@/lib/db";
import { boundCount, boundId } from "@/lib/forms/bound-args";
import { formDataToObject } from "@/lib/forms/form-state";
import { runFormAction, type FormState } from "@/lib/forms/run-form-action";
import { createRunbook } from "@/lib/runbooks/create-runbook";
import { markRunbookReviewed } from "@/lib/runbooks/mark-runbook-reviewed";
import { runbookPath } from "@/lib/runbooks/paths";
import { runbookPathById } from "@/lib/runbooks/queries";
import { restoreRunbookRevision } from "@/lib/runbooks/restore-runbook-revision";
import { RunbookConflictError } from "@/lib/runbooks/runbook-conflict";
import { updateRunbook } from "@/lib/runbooks/update-runbook";

// Redirects go to the runbook's own page, looked up from its id: never to a path the browser sent.

export async function createRunbookAction(serviceSlug: unknown, _previous: RunbookFormState, formData: FormData): Promise<RunbookFormState> {
  return runFormAction(async (person) => {
    const created = await createRunbook(db(), person, boundId(serviceSlug), formDataToObject(formData));
    revalidatePath(`/services/${created.serviceSlug}`);
    redirect(runbookPath(created.serviceSlug, created.slug));
  });
}

export async function updateRunbookAction(runbookId: unknown, _previous: RunbookFormState, formData: FormData): Promise<RunbookFormState> {
  let path: string | undefined;
  const state = await runFormAction<RunbookFormState>(async (person) => {
    const id = boundId(runbookId);
    try {
      await updateRunbook(db(), person, id, formDataToObject(formData));
    } catch (error) {
      // A conflict carries the other person's text back to the editor for a merge by hand.
      if (error instanceof RunbookConflictError) return { status: "error", message: error.message, conflict: error.details };
      throw error;
    }
    path = await runbookPathById(db(), id);
  });
  if (!path) return state;
  revalidatePath(path);
  redirect(path);
}

export async function restoreRevisionAction(runbookId: unknown, number: unknown, baseRevision: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const id = boundId(runbookId);
    await restoreRunbookRevision(db(), person, id, { number: boundCount(number), baseRevision: boundCount(baseRevision) });
    const path = await runbookPathById(db(), id);
    revalidatePath(path);
    redirect(path);
  });
}

export async function markReviewedAction(runbookId: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const id = boundId(runbookId);
    await markRunbookReviewed(db(), person, id);
    revalidatePath(await runbookPathById(db(), id));
    return { status: "success", message: "Marked as reviewed." };
  });
}
