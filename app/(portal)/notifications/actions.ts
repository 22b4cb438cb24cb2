"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { postedForm } from "@/lib/forms/form-state";
import { runFormAction, type FormState } from "@/lib/forms/run-form-action";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { savePreferences } from "@/lib/notifications/save-preferences";

export async function markAllReadAction(_previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    await markNotificationsRead(db(), person);
    // The layout too: the bell's unread count.
    revalidatePath("/", "layout");
  });
}

export async function savePreferencesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    await savePreferences(db(), person, { on: postedForm(formData).getAll("on") });
    revalidatePath("/notifications/settings");
    return { status: "success", message: "Saved." };
  });
}
