"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { personForAction } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formDataToObject, runFormAction, type FormState } from "@/lib/forms/form-state";
import { addLeave } from "@/lib/oncall/add-leave";
import { archiveSchedule } from "@/lib/oncall/archive-schedule";
import { cancelOverride } from "@/lib/oncall/cancel-override";
import { addHoliday, createHolidayCalendar, importHolidays, removeHoliday, renameHolidayCalendar } from "@/lib/oncall/holiday-calendars";
import { updateSchedule } from "@/lib/oncall/update-schedule";
import { assignOverride } from "@/lib/oncall/assign-override";
import { cancelLeave } from "@/lib/oncall/cancel-leave";
import { createSchedule } from "@/lib/oncall/create-schedule";
import { editRotation } from "@/lib/oncall/edit-rotation";
import type { THolidayCalendarInput, THolidayInput, TPayPolicyInput, TRotationInput, TScheduleInput, TScheduleSettingsInput } from "@/lib/oncall/schemas";
import { setPayPolicy } from "@/lib/oncall/set-pay-policy";
import { formatInZone } from "@/lib/oncall/calendar";
import { requestCover } from "@/lib/oncall/request-cover";
import { requestSwap } from "@/lib/oncall/request-swap";
import { respondToRequest, type RequestResponse } from "@/lib/oncall/respond-to-request";
import { rotateFeed } from "@/lib/oncall/rotate-feed";
import { setOptOut } from "@/lib/oncall/set-opt-out";
import { takeShiftNow } from "@/lib/oncall/take-shift-now";

/** Shift pickers post "start|end" (ISO instants) in one field. */
function splitRange(value: unknown): [string, string] {
  const [start = "", end = ""] = String(value ?? "").split("|");
  return [start, end];
}

function refresh() {
  revalidatePath("/oncall", "layout");
  revalidatePath("/services", "layout");
}

export async function requestSwapAction(scheduleId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const input = formDataToObject(formData);
    const [startsAt, endsAt] = splitRange(input.myShift);
    const [responderId = "", swapStartsAt = "", swapEndsAt = ""] = String(input.theirShift ?? "").split("|");
    await requestSwap(db(), await personForAction(), { scheduleId, responderId, startsAt, endsAt, swapStartsAt, swapEndsAt, message: String(input.message ?? "") });
    refresh();
    return { status: "success", message: "Swap requested. It takes effect when they accept." };
  });
}

export async function requestCoverAction(scheduleId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const input = formDataToObject(formData);
    // "Part of it": a custom range (wall-clock times in the schedule's zone) instead of the whole shift.
    const custom = input.part === "custom";
    const [shiftStart, shiftEnd] = splitRange(input.myShift);
    const startsAt = custom ? String(input.startsAt ?? "") : shiftStart;
    const endsAt = custom ? String(input.endsAt ?? "") : shiftEnd;
    await requestCover(db(), await personForAction(), { scheduleId, responderId: String(input.responderId ?? ""), startsAt, endsAt, message: String(input.message ?? "") });
    refresh();
    return { status: "success", message: "Cover requested. It takes effect when they accept." };
  });
}

export async function takeShiftNowAction(scheduleId: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const taken = await takeShiftNow(db(), await personForAction(), scheduleId);
    refresh();
    return { status: "success", message: `You are on call until ${taken.endsAt.toISOString().slice(0, 16).replace("T", " ")} UTC.` };
  });
}

export async function assignOverrideAction(scheduleId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await assignOverride(db(), await personForAction(), { ...(formDataToObject(formData) as { personId: string; startsAt: string; endsAt: string }), scheduleId });
    refresh();
    return { status: "success", message: "Cover assigned." };
  });
}

export async function setOptOutAction(scheduleId: string, optedOut: boolean, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await setOptOut(db(), await personForAction(), scheduleId, optedOut);
    refresh();
    return { status: "success", message: optedOut ? "You have opted out of this schedule." : "You have opted back in; ask the team to add you to the rotation." };
  });
}

export async function respondToRequestAction(requestId: string, response: RequestResponse, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await respondToRequest(db(), await personForAction(), requestId, response);
    refresh();
    return { status: "success", message: response === "ACCEPT" ? "Accepted: the calendar is updated." : response === "DECLINE" ? "Declined." : "Cancelled." };
  });
}

export async function addLeaveAction(timeZone: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const result = await addLeave(db(), await personForAction(), { ...(formDataToObject(formData) as { startsAt: string; endsAt: string; note?: string }), timeZone });
    refresh();
    if (result.clashes.length === 0) return { status: "success", message: "Leave recorded. No on-call shifts clash with it." };
    const list = result.clashes.map((clash) => `${clash.scheduleName} ${formatInZone(clash.start, timeZone)}–${formatInZone(clash.end, timeZone)}`).join("; ");
    return { status: "success", message: `Leave recorded. It clashes with your shifts: ${list}. Ask someone to cover them.` };
  });
}

export async function cancelLeaveAction(leaveId: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await cancelLeave(db(), await personForAction(), leaveId);
    refresh();
  });
}

export async function rotateFeedAction(target: { personId: string } | { scheduleId: string }, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await rotateFeed(db(), await personForAction(), target);
    refresh();
    return { status: "success", message: "A new calendar link is ready; the old one no longer works." };
  });
}

export async function createScheduleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const input = formDataToObject(formData);
    const [kind = "", ownerId = ""] = String(input.owner ?? "").split(":");
    const created = await createSchedule(db(), await personForAction(), {
      ...(input as Omit<TScheduleInput, "kind" | "ownerId">),
      kind: kind as TScheduleInput["kind"],
      ownerId,
      workingDays: (input.workingDays as string[] | undefined) ?? [],
      participantIds: (input.participantIds as string[] | undefined) ?? [],
    } as TScheduleInput);
    refresh();
    redirect(`/oncall/${created.slug}`);
  });
}

export async function editRotationAction(scheduleId: string, slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const input = formDataToObject(formData);
    await editRotation(db(), await personForAction(), scheduleId, {
      ...(input as TRotationInput),
      participantIds: (input.participantIds as string[] | undefined) ?? [],
      secondaryIds: (input.secondaryIds as string[] | undefined) ?? [],
    });
    refresh();
    redirect(`/oncall/${slug}`);
  });
}

export async function setPayPolicyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await setPayPolicy(db(), await personForAction(), formDataToObject(formData) as TPayPolicyInput);
    refresh();
    return { status: "success", message: "Pay rates saved." };
  });
}

export async function updateScheduleAction(scheduleId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const input = formDataToObject(formData);
    const result = await updateSchedule(db(), await personForAction(), scheduleId, { ...(input as TScheduleSettingsInput), workingDays: (input.workingDays as string[] | undefined) ?? [] });
    refresh();
    return {
      status: "success",
      message: result.rotationChangedFrom
        ? `Settings saved. Shift changes apply from ${result.rotationChangedFrom.toISOString().slice(0, 16).replace("T", " ")} UTC; earlier shifts stay as they were.`
        : "Settings saved.",
    };
  });
}

export async function archiveScheduleAction(scheduleId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await archiveSchedule(db(), await personForAction(), scheduleId, formDataToObject(formData) as { confirmUncovered?: string });
    refresh();
    redirect("/oncall");
  });
}

export async function cancelOverrideAction(overrideId: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const result = await cancelOverride(db(), await personForAction(), overrideId);
    refresh();
    return { status: "success", message: result.ended ? "Cover ended now; the rotation's person is on call again." : "Cover cancelled; the rotation's person is on call again." };
  });
}

function refreshHolidays() {
  revalidatePath("/oncall", "layout");
}

export async function createHolidayCalendarAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const created = await createHolidayCalendar(db(), await personForAction(), formDataToObject(formData) as THolidayCalendarInput);
    refreshHolidays();
    redirect(`/oncall/holidays/${created.slug}`);
  });
}

export async function renameHolidayCalendarAction(calendarId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const input = formDataToObject(formData) as THolidayCalendarInput;
    await renameHolidayCalendar(db(), await personForAction(), calendarId, input);
    refreshHolidays();
    redirect(`/oncall/holidays/${input.slug.trim()}`);
  });
}

export async function addHolidayAction(calendarId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await addHoliday(db(), await personForAction(), calendarId, formDataToObject(formData) as THolidayInput);
    refreshHolidays();
    return { status: "success", message: "Holiday added." };
  });
}

export async function removeHolidayAction(holidayId: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await removeHoliday(db(), await personForAction(), holidayId);
    refreshHolidays();
  });
}

export async function importHolidaysAction(calendarId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const file = formData.get("ics");
    if (file instanceof File && file.size > 1_000_000) return { status: "error", message: "Some fields need attention.", fieldErrors: { ics: ["The file is larger than 1 MB."] } };
    const ics = file instanceof File ? await file.text() : "";
    const result = await importHolidays(db(), await personForAction(), calendarId, { ics });
    refreshHolidays();
    const parts = [`${result.added} holiday${result.added === 1 ? "" : "s"} added`];
    if (result.alreadyThere) parts.push(`${result.alreadyThere} already here`);
    if (result.skipped) parts.push(`${result.skipped} timed event${result.skipped === 1 ? "" : "s"} skipped (not whole days)`);
    return { status: "success", message: `${parts.join(", ")}.` };
  });
}
