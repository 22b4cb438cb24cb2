"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { boundFlag, boundId } from "@/lib/forms/bound-args";
import { formDataToObject, postedForm } from "@/lib/forms/form-state";
import { runFormAction, type FormState } from "@/lib/forms/run-form-action";
import { addPerson } from "@/lib/people/add-person";
import { setPersonActive, updatePerson } from "@/lib/people/update-person";

const checkbox = (formData: unknown, name: string) => postedForm(formData).get(name) === "on";

export async function addPersonAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const added = await addPerson(db(), person, { ...formDataToObject(formData), isIncidentManager: checkbox(formData, "isIncidentManager") });
    revalidatePath("/people");
    redirect(`/people/${added.id}`);
  });
}

export async function updatePersonAction(personId: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const updated = await updatePerson(db(), person, boundId(personId), formDataToObject(formData));
    revalidatePath("/people");
    redirect(`/people/${updated.id}`);
  });
}

export async function setPersonActiveAction(personId: unknown, active: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const id = boundId(personId);
    await setPersonActive(db(), person, id, boundFlag(active));
    revalidatePath("/people");
    redirect(`/people/${id}`);
  });
}
