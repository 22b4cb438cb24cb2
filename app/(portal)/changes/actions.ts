"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
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
import { boundId, boundOptionalId } from "@/lib/forms/bound-args";
import { formDataToObject, postedForm } from "@/lib/forms/form-state";
import { runFormAction, type FormState } from "@/lib/forms/run-form-action";

export async function raiseChangeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const change = await raiseChange(db(), person, formDataToObject(formData));
    revalidatePath("/changes");
    redirect(`/changes/${change.id}`);
  });
}

export async function submitChangeAction(changeId: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const id = boundId(changeId);
    await submitChange(db(), person, id);
    revalidatePath(`/changes/${id}`);
    return { status: "success", message: "Submitted to the CAB." };
  });
}

export async function cancelChangeAction(changeId: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const id = boundId(changeId);
    await cancelChange(db(), person, id);
    revalidatePath(`/changes/${id}`);
    return { status: "success", message: "Cancelled." };
  });
}

export async function decideChangeAction(changeId: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const id = boundId(changeId);
    const result = await decideChange(db(), person, id, formDataToObject(formData));
    revalidatePath(`/changes/${id}`);
    revalidatePath("/changes/cab");
    return { status: "success", message: result.state === "SUBMITTED" ? `Vote recorded: ${result.approvals} of ${result.quorum} approvals.` : `The change is ${result.state.toLowerCase()}.` };
  });
}

export async function commentAction(changeId: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const id = boundId(changeId);
    await commentOnChange(db(), person, id, formDataToObject(formData));
    revalidatePath(`/changes/${id}`);
    return { status: "success", message: "Comment added." };
  });
}

export async function reviewAction(changeId: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const id = boundId(changeId);
    await reviewEmergency(db(), person, id, formDataToObject(formData));
    revalidatePath(`/changes/${id}`);
    return { status: "success", message: "Retrospective review recorded." };
  });
}

export async function savePatternAction(patternId: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const id = boundOptionalId(patternId);
    const { input, kinds } = patternInputFromForm(postedForm(formData));
    let saved;
    try {
      saved = await savePattern(db(), person, input, id ?? undefined);
    } catch (error) {
      throw mapRuleErrors(error, kinds);
    }
    revalidatePath("/changes/patterns");
    redirect(`/changes/patterns/${saved.slug}`);
  });
}

export async function archivePatternAction(patternId: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    await archivePattern(db(), person, boundId(patternId));
    revalidatePath("/changes/patterns");
    redirect("/changes/patterns");
  });
}

export async function saveFreezeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    await saveFreeze(db(), person, formDataToObject(formData));
    revalidatePath("/changes/freezes");
    return { status: "success", message: "Freeze window saved." };
  });
}

export async function deleteFreezeAction(freezeId: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    await deleteFreeze(db(), person, boundId(freezeId));
    revalidatePath("/changes/freezes");
    return { status: "success", message: "Freeze window removed." };
  });
}

export async function setRequiredCheckAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    await setRequiredCheck(db(), person, formDataToObject(formData));
    revalidatePath("/changes/checks");
    return { status: "success", message: "Required check saved." };
  });
}

export async function removeRequiredCheckAction(checkId: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    await removeRequiredCheck(db(), person, boundId(checkId));
    revalidatePath("/changes/checks");
    return { status: "success", message: "Required check removed." };
  });
}

export async function cabSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    await updateCabSettings(db(), person, formDataToObject(formData));
    revalidatePath("/changes/cab");
    return { status: "success", message: "CAB settings saved." };
  });
}
