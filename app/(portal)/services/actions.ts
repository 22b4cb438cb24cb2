"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { setServiceArchived } from "@/lib/catalog/archive-service";
import { createService } from "@/lib/catalog/create-service";
import { updateService } from "@/lib/catalog/update-service";
import { db } from "@/lib/db";
import { boundFlag, boundId } from "@/lib/forms/bound-args";
import { formDataToObject } from "@/lib/forms/form-state";
import { runFormAction, type FormState } from "@/lib/forms/run-form-action";

export async function createServiceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const service = await createService(db(), person, formDataToObject(formData));
    revalidatePath("/services");
    redirect(`/services/${service.slug}`);
  });
}

export async function updateServiceAction(slug: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const service = await updateService(db(), person, boundId(slug), formDataToObject(formData));
    revalidatePath("/services");
    redirect(`/services/${service.slug}`);
  });
}

export async function setArchivedAction(slug: unknown, archived: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const service = boundId(slug);
    await setServiceArchived(db(), person, service, boundFlag(archived));
    revalidatePath("/services");
    redirect(`/services/${service}`);
  });
}
