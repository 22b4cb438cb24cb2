"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { runFormAction, type FormState } from "@/lib/forms/run-form-action";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";

export async function markAllReadAction(_previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    await markNotificationsRead(db(), person);
    revalidatePath("/notifications");
  });
}
