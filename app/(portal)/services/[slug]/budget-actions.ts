"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { boundId } from "@/lib/forms/bound-args";
import { formDataToObject } from "@/lib/forms/form-state";
import { runFormAction, type FormState } from "@/lib/forms/run-form-action";
import { recordBudgetException } from "@/lib/reliability/record-budget-exception";

export async function recordBudgetExceptionAction(slug: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const service = boundId(slug);
    const input = formDataToObject(formData);
    input.service = service;
    const saved = await recordBudgetException(db(), person, input);
    revalidatePath(`/services/${service}`);
    return { status: "success", message: `Standard changes may deploy until ${saved.endsAt.toISOString().slice(0, 16).replace("T", " ")} UTC.` };
  });
}
