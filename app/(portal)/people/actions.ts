"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { personForAction } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formDataToObject, runFormAction, type FormState } from "@/lib/forms/form-state";
import { addPerson } from "@/lib/people/add-person";
import { setPersonActive, updatePerson } from "@/lib/people/update-person";

const checkbox = (formData: FormData, name: string) => formData.get(name) === "on";

export async function addPersonAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const fields = formDataToObject(formData);
    const person = await addPerson(db(), await personForAction(), { ...fields, isIncidentManager: checkbox(formData, "isIncidentManager") } as never);
    revalidatePath("/people");
    redirect(`/people/${person.id}`);
  });
}

export async function updatePersonAction(id: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await updatePerson(db(), await personForAction(), id, formDataToObject(formData) as never);
    revalidatePath("/people");
    redirect(`/people/${id}`);
  });
}

export async function setPersonActiveAction(id: string, active: boolean, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await setPersonActive(db(), await personForAction(), id, active);
    revalidatePath("/people");
    redirect(`/people/${id}`);
  });
}
