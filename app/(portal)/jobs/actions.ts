"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { boundId } from "@/lib/forms/bound-args";
import { runFormAction, type FormState } from "@/lib/forms/run-form-action";
import { retryFailedJob } from "@/lib/jobs/failed-jobs";

export async function retryJobAction(queue: unknown, id: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    await retryFailedJob(db(), person, { queue: boundId(queue), id: boundId(id) });
    revalidatePath("/jobs");
    return { status: "success", message: "Queued to run again." };
  });
}
