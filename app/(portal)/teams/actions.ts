"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { boundId } from "@/lib/forms/bound-args";
import { formDataToObject } from "@/lib/forms/form-state";
import { runFormAction, type FormState } from "@/lib/forms/run-form-action";
import { removeTeamMember, setTeamMembership } from "@/lib/teams/manage-membership";
import { createTeam, updateTeam } from "@/lib/teams/save-team";

export async function createTeamAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const team = await createTeam(db(), person, formDataToObject(formData));
    revalidatePath("/teams");
    redirect(`/teams/${team.slug}`);
  });
}

export async function updateTeamAction(slug: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const team = await updateTeam(db(), person, boundId(slug), formDataToObject(formData));
    revalidatePath("/teams");
    redirect(`/teams/${team.slug}`);
  });
}

export async function setMembershipAction(slug: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const team = boundId(slug);
    await setTeamMembership(db(), person, team, formDataToObject(formData));
    revalidatePath(`/teams/${team}`);
    return { status: "success", message: "Membership saved." };
  });
}

export async function removeMemberAction(slug: unknown, personId: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const team = boundId(slug);
    await removeTeamMember(db(), person, team, boundId(personId));
    revalidatePath(`/teams/${team}`);
    return { status: "success" };
  });
}
