"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { PersonActor } from "@/lib/auth/actor";
import { db, type Db } from "@/lib/db";
import { boundId } from "@/lib/forms/bound-args";
import { formDataToObject } from "@/lib/forms/form-state";
import { runFormAction, type FormState } from "@/lib/forms/run-form-action";
import { addIncidentUpdate } from "@/lib/incidents/add-incident-update";
import { assignIncidentRole } from "@/lib/incidents/assign-incident-role";
import { changeIncidentStatus } from "@/lib/incidents/change-incident-status";
import { confirmCause } from "@/lib/incidents/confirm-cause";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { editAvailabilityWindow } from "@/lib/incidents/edit-availability-window";
import { reassignIncident } from "@/lib/incidents/reassign-incident";
import { reviseIncidentImpact } from "@/lib/incidents/revise-incident-impact";

export async function declareIncidentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const incident = await declareIncident(db(), person, formDataToObject(formData));
    revalidatePath("/incidents");
    redirect(`/incidents/${incident.id}`);
  });
}

const SAID = { acknowledge: "Acknowledged.", mitigate: "Marked mitigated.", resolve: "Resolved.", close: "Closed.", reopen: "Reopened: the rota is paged again." } as const;

/** The form's `action` field picks the move: acknowledge, mitigate, resolve, close or reopen. */
export async function changeIncidentStatusAction(incidentId: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const id = boundId(incidentId);
    const fields = formDataToObject(formData);
    const result = await changeIncidentStatus(db(), person, { ...fields, incidentId: id });
    revalidatePath(`/incidents/${id}`);
    // The use case has parsed `action`: it is one of SAID's keys.
    return { status: "success", message: result === "replay" ? "It already was." : SAID[fields.action as keyof typeof SAID] };
  });
}

/** Each form posts its fields; the incident comes bound, never from the browser's fields. */
function incidentForm(useCase: (prisma: Db, person: PersonActor, input: unknown) => Promise<unknown>, message: string) {
  return async (incidentId: unknown, _previous: FormState, formData: FormData): Promise<FormState> =>
    runFormAction(async (person) => {
      const id = boundId(incidentId);
      await useCase(db(), person, { ...formDataToObject(formData), incidentId: id });
      revalidatePath(`/incidents/${id}`);
      return { status: "success", message };
    });
}

export async function addIncidentUpdateAction(incidentId: unknown, previous: FormState, formData: FormData): Promise<FormState> {
  return incidentForm(addIncidentUpdate, "Update posted.")(incidentId, previous, formData);
}

export async function reviseImpactAction(incidentId: unknown, previous: FormState, formData: FormData): Promise<FormState> {
  return incidentForm(reviseIncidentImpact, "Impact revised.")(incidentId, previous, formData);
}

export async function reassignIncidentAction(incidentId: unknown, previous: FormState, formData: FormData): Promise<FormState> {
  return incidentForm(reassignIncident, "Reassigned: the new team is paged.")(incidentId, previous, formData);
}

export async function assignRoleAction(incidentId: unknown, previous: FormState, formData: FormData): Promise<FormState> {
  return incidentForm(assignIncidentRole, "Roles updated.")(incidentId, previous, formData);
}

/** The form's datetime-local fields are UTC wall time (the form says so): "2026-12-02T10:00" → "…:00Z". */
const utc = (value: unknown) => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00Z` : value);

export async function editWindowAction(incidentId: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const id = boundId(incidentId);
    const { lostAtLocal, regainedAtLocal, ...fields } = formDataToObject(formData);
    await editAvailabilityWindow(db(), person, { ...fields, lostAt: utc(lostAtLocal), regainedAt: utc(regainedAtLocal), incidentId: id });
    revalidatePath(`/incidents/${id}`);
    return { status: "success", message: "Unavailability window saved." };
  });
}

export async function confirmCauseAction(incidentId: unknown, previous: FormState, formData: FormData): Promise<FormState> {
  return incidentForm(confirmCause, "Cause recorded.")(incidentId, previous, formData);
}
