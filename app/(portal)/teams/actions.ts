"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { personForAction } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formDataToObject, runFormAction, type FormState } from "@/lib/forms/form-state";
import { removeTeamMember, setTeamMembership } from "@/lib/teams/manage-membership";
import { createTeam, updateTeam } from "@/lib/teams/save-team";

export async function createTeamAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const team = await createTeam(db(), await personForAction(), formDataToObject(formData) as never);
    revalidatePath("/teams");
    redirect(`/teams/${team.slug}`);
  });
}

export async function updateTeamAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const team = await updateTeam(db(), await personForAction(), slug, formDataToObject(formData) as never);
    revalidatePath("/teams");
    redirect(`/teams/${team.slug}`);
  });
}

export async function setMembershipAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await setTeamMembership(db(), await personForAction(), slug, formDataToObject(formData) as never);
    revalidatePath(`/teams/${slug}`);
    return { status: "success", message: "Membership saved." };
  });
}

export async function removeMemberAction(slug: string, personId: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await removeTeamMember(db(), await personForAction(), slug, personId);
    revalidatePath(`/teams/${slug}`);
    return { status: "success" };
  });
}
