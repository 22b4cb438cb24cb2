"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { formDataToObject } from "@/lib/forms/form-state";
import { runFormAction, type FormState } from "@/lib/forms/run-form-action";
import { setOrganisationSettings } from "@/lib/settings/set-organisation-settings";
import { setBudgetPolicy } from "@/lib/reliability/set-budget-policy";

export async function organisationSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const saved = await setOrganisationSettings(db(), person, formDataToObject(formData));
    // Every page with a money figure reads the currency afresh.
    revalidatePath("/", "layout");
    return { status: "success", message: `Money is now shown in ${saved.currency}.` };
  });
}

export async function budgetPolicyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const saved = await setBudgetPolicy(db(), person, formDataToObject(formData));
    revalidatePath("/", "layout");
    return { status: "success", message: saved.errorBudgetPolicy ? "The error-budget policy is on." : "The error-budget policy is off." };
  });
}
