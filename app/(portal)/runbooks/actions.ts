"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { RunbookFormState } from "@/components/runbooks/runbook-form-state";
import { personForAction } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formDataToObject, runFormAction, type FormState } from "@/lib/forms/form-state";
import { createRunbook } from "@/lib/runbooks/create-runbook";
import { markRunbookReviewed } from "@/lib/runbooks/mark-runbook-reviewed";
import { runbookPath } from "@/lib/runbooks/paths";
import { restoreRunbookRevision } from "@/lib/runbooks/restore-runbook-revision";
import { RunbookConflictError } from "@/lib/runbooks/runbook-conflict";
import { updateRunbook } from "@/lib/runbooks/update-runbook";

export async function createRunbookAction(serviceSlug: string, _previous: RunbookFormState, formData: FormData): Promise<RunbookFormState> {
  return runFormAction(async () => {
    const created = await createRunbook(db(), await personForAction(), serviceSlug, formDataToObject(formData) as never);
    revalidatePath(`/services/${serviceSlug}`);
    redirect(runbookPath(created.serviceSlug, created.slug));
  });
}

export async function updateRunbookAction(
  runbookId: string,
  path: string,
  _previous: RunbookFormState,
  formData: FormData,
): Promise<RunbookFormState> {
  try {
    await updateRunbook(db(), await personForAction(), runbookId, formDataToObject(formData) as never);
  } catch (error) {
    // A conflict carries the other person's text back to the editor for a merge by hand.
    if (error instanceof RunbookConflictError) return { status: "error", message: error.message, conflict: error.details };
    return runFormAction(() => Promise.reject(error));
  }
  revalidatePath(path);
  redirect(path);
}

export async function restoreRevisionAction(runbookId: string, path: string, number: number, baseRevision: number, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await restoreRunbookRevision(db(), await personForAction(), runbookId, { number, baseRevision });
    revalidatePath(path);
    redirect(path);
  });
}

export async function markReviewedAction(runbookId: string, path: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await markRunbookReviewed(db(), await personForAction(), runbookId);
    revalidatePath(path);
    return { status: "success", message: "Marked as reviewed." };
  });
}
