"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { boundId, boundOptionalId } from "@/lib/forms/bound-args";
import { formDataToObject } from "@/lib/forms/form-state";
import { runFormAction, type FormState } from "@/lib/forms/run-form-action";
import { deleteRunbookTemplate, saveRunbookTemplate } from "@/lib/runbooks/save-runbook-template";

export async function saveTemplateAction(existingSlug: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    await saveRunbookTemplate(db(), person, boundOptionalId(existingSlug), formDataToObject(formData));
    revalidatePath("/runbooks/templates");
    redirect("/runbooks/templates");
  });
}

export async function deleteTemplateAction(slug: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    await deleteRunbookTemplate(db(), person, boundId(slug));
    revalidatePath("/runbooks/templates");
    redirect("/runbooks/templates");
  });
}
