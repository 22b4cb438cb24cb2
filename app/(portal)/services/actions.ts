"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { personForAction } from "@/lib/auth/session";
import { setServiceArchived } from "@/lib/catalog/archive-service";
import { createService } from "@/lib/catalog/create-service";
import { updateService } from "@/lib/catalog/update-service";
import { db } from "@/lib/db";
import { formDataToObject, runFormAction, type FormState } from "@/lib/forms/form-state";

export async function createServiceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const service = await createService(db(), await personForAction(), formDataToObject(formData) as never);
    revalidatePath("/services");
    redirect(`/services/${service.slug}`);
  });
}

export async function updateServiceAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const service = await updateService(db(), await personForAction(), slug, formDataToObject(formData) as never);
    revalidatePath("/services");
    redirect(`/services/${service.slug}`);
  });
}

export async function setArchivedAction(slug: string, archived: boolean, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await setServiceArchived(db(), await personForAction(), slug, archived);
    revalidatePath("/services");
    redirect(`/services/${slug}`);
  });
}
