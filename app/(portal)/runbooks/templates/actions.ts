"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { personForAction } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formDataToObject, runFormAction, type FormState } from "@/lib/forms/form-state";
import { deleteRunbookTemplate, saveRunbookTemplate } from "@/lib/runbooks/save-runbook-template";

export async function saveTemplateAction(existingSlug: string | null, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await saveRunbookTemplate(db(), await personForAction(), existingSlug, formDataToObject(formData) as never);
    revalidatePath("/runbooks/templates");
    redirect("/runbooks/templates");
  });
}

export async function deleteTemplateAction(slug: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await deleteRunbookTemplate(db(), await personForAction(), slug);
    revalidatePath("/runbooks/templates");
    redirect("/runbooks/templates");
  });
}
