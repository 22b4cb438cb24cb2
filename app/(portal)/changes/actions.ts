"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { personForAction } from "@/lib/auth/session";
import { updateCabSettings } from "@/lib/changes/cab-settings";
import { cancelChange } from "@/lib/changes/cancel-change";
import { commentOnChange } from "@/lib/changes/comment-on-change";
import { decideChange } from "@/lib/changes/decide-change";
import { mapRuleErrors, patternInputFromForm } from "@/lib/changes/pattern-form";
import { raiseChange } from "@/lib/changes/raise-change";
import { reviewEmergency } from "@/lib/changes/review-emergency";
import { deleteFreeze, saveFreeze } from "@/lib/changes/save-freeze";
import { archivePattern, savePattern } from "@/lib/changes/save-pattern";
import { removeRequiredCheck, setRequiredCheck } from "@/lib/changes/set-required-check";
import { submitChange } from "@/lib/changes/submit-change";
import { db } from "@/lib/db";
import { formDataToObject, runFormAction, type FormState } from "@/lib/forms/form-state";

export async function raiseChangeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const change = await raiseChange(db(), await personForAction(), formDataToObject(formData) as never);
    revalidatePath("/changes");
    redirect(`/changes/${change.id}`);
  });
}

export async function submitChangeAction(id: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await submitChange(db(), await personForAction(), id);
    revalidatePath(`/changes/${id}`);
    return { status: "success", message: "Submitted to the CAB." };
  });
}

export async function cancelChangeAction(id: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await cancelChange(db(), await personForAction(), id);
    revalidatePath(`/changes/${id}`);
    return { status: "success", message: "Cancelled." };
  });
}

export async function decideChangeAction(id: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const result = await decideChange(db(), await personForAction(), id, formDataToObject(formData) as never);
    revalidatePath(`/changes/${id}`);
    revalidatePath("/changes/cab");
    return { status: "success", message: result.state === "SUBMITTED" ? `Vote recorded: ${result.approvals} of ${result.quorum} approvals.` : `The change is ${result.state.toLowerCase()}.` };
  });
}

export async function commentAction(id: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await commentOnChange(db(), await personForAction(), id, formDataToObject(formData));
    revalidatePath(`/changes/${id}`);
    return { status: "success", message: "Comment added." };
  });
}

export async function reviewAction(id: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await reviewEmergency(db(), await personForAction(), id, formDataToObject(formData));
    revalidatePath(`/changes/${id}`);
    return { status: "success", message: "Retrospective review recorded." };
  });
}

export async function savePatternAction(patternId: string | null, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const { input, kinds } = patternInputFromForm(formData);
    let saved;
    try {
      saved = await savePattern(db(), await personForAction(), input as never, patternId ?? undefined);
    } catch (error) {
      throw mapRuleErrors(error, kinds);
    }
    revalidatePath("/changes/patterns");
    redirect(`/changes/patterns/${saved.slug}`);
  });
}

export async function archivePatternAction(id: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await archivePattern(db(), await personForAction(), id);
    revalidatePath("/changes/patterns");
    redirect("/changes/patterns");
  });
}

export async function saveFreezeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await saveFreeze(db(), await personForAction(), formDataToObject(formData) as never);
    revalidatePath("/changes/freezes");
    return { status: "success", message: "Freeze window saved." };
  });
}

export async function deleteFreezeAction(id: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await deleteFreeze(db(), await personForAction(), id);
    revalidatePath("/changes/freezes");
    return { status: "success", message: "Freeze window removed." };
  });
}

export async function setRequiredCheckAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await setRequiredCheck(db(), await personForAction(), formDataToObject(formData) as never);
    revalidatePath("/changes/checks");
    return { status: "success", message: "Required check saved." };
  });
}

export async function removeRequiredCheckAction(id: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await removeRequiredCheck(db(), await personForAction(), id);
    revalidatePath("/changes/checks");
    return { status: "success", message: "Required check removed." };
  });
}

export async function cabSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await updateCabSettings(db(), await personForAction(), formDataToObject(formData));
    revalidatePath("/changes/cab");
    return { status: "success", message: "CAB settings saved." };
  });
}
