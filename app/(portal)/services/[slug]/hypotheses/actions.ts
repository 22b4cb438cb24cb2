"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { boundId } from "@/lib/forms/bound-args";
import { formDataToObject } from "@/lib/forms/form-state";
import { runFormAction, type FormState } from "@/lib/forms/run-form-action";
import { createHypothesis } from "@/lib/hypotheses/create-hypothesis";
import { linkDeployment } from "@/lib/hypotheses/link-deployment";
import { recordHypothesisResult } from "@/lib/hypotheses/record-hypothesis-result";

export async function createHypothesisAction(slug: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const input = formDataToObject(formData);
    input.service = boundId(slug);
    const created = await createHypothesis(db(), person, input);
    revalidatePath(`/services/${created.serviceSlug}`);
    redirect(`/services/${created.serviceSlug}/hypotheses/${created.number}`);
  });
}

export async function linkDeploymentAction(hypothesisId: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const input = formDataToObject(formData);
    input.hypothesisId = boundId(hypothesisId);
    const { linked } = await linkDeployment(db(), person, input);
    revalidatePath("/services", "layout");
    return { status: "success", message: linked ? "Release linked." : "That release was already linked." };
  });
}

export async function recordResultAction(hypothesisId: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const input = formDataToObject(formData);
    input.hypothesisId = boundId(hypothesisId);
    await recordHypothesisResult(db(), person, input);
    revalidatePath("/services", "layout");
    return { status: "success", message: "Result recorded." };
  });
}
