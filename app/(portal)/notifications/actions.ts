"use server";

import { revalidatePath } from "next/cache";
import { personForAction } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { runFormAction, type FormState } from "@/lib/forms/form-state";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";

export async function markAllReadAction(_previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await markNotificationsRead(db(), await personForAction());
    revalidatePath("/notifications");
  });
}
