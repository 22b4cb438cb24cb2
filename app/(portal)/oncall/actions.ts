"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { boundChoice, boundFlag, boundId } from "@/lib/forms/bound-args";
import { formDataToObject, postedForm } from "@/lib/forms/form-state";
import { runFormAction, type FormState } from "@/lib/forms/run-form-action";
import { addLeave } from "@/lib/oncall/add-leave";
import { archiveSchedule } from "@/lib/oncall/archive-schedule";
import { cancelOverride } from "@/lib/oncall/cancel-override";
import { addHoliday, createHolidayCalendar, importHolidays, removeHoliday, renameHolidayCalendar } from "@/lib/oncall/holiday-calendars";
import { updateSchedule } from "@/lib/oncall/update-schedule";
import { assignOverride } from "@/lib/oncall/assign-override";
import { cancelLeave } from "@/lib/oncall/cancel-leave";
import { createSchedule } from "@/lib/oncall/create-schedule";
import { editRotation } from "@/lib/oncall/edit-rotation";
import { setPayPolicy } from "@/lib/oncall/set-pay-policy";
import { formatInZone } from "@/lib/oncall/calendar";
import { requestCover } from "@/lib/oncall/request-cover";
import { requestSwap } from "@/lib/oncall/request-swap";
import { REQUEST_RESPONSES, respondToRequest } from "@/lib/oncall/respond-to-request";
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
  // The home lists requests waiting for me and my next shifts.
  revalidatePath("/");
  revalidatePath("/services", "layout");
}

export async function requestSwapAction(scheduleId: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const input = formDataToObject(formData);
    const [startsAt, endsAt] = splitRange(input.myShift);
    const [responderId = "", swapStartsAt = "", swapEndsAt = ""] = String(input.theirShift ?? "").split("|");
    await requestSwap(db(), person, { scheduleId: boundId(scheduleId), responderId, startsAt, endsAt, swapStartsAt, swapEndsAt, message: String(input.message ?? "") });
    refresh();
    return { status: "success", message: "Swap requested. It takes effect when they accept." };
  });
}

export async function requestCoverAction(scheduleId: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const input = formDataToObject(formData);
    // "Part of it": a custom range (wall-clock times in the schedule's zone) instead of the whole shift.
    const custom = input.part === "custom";
    const [shiftStart, shiftEnd] = splitRange(input.myShift);
    const startsAt = custom ? String(input.startsAt ?? "") : shiftStart;
    const endsAt = custom ? String(input.endsAt ?? "") : shiftEnd;
    await requestCover(db(), person, { scheduleId: boundId(scheduleId), responderId: String(input.responderId ?? ""), startsAt, endsAt, message: String(input.message ?? "") });
    refresh();
    return { status: "success", message: "Cover requested. It takes effect when they accept." };
  });
}

export async function takeShiftNowAction(scheduleId: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const taken = await takeShiftNow(db(), person, boundId(scheduleId));
    refresh();
    return { status: "success", message: `You are on call until ${taken.endsAt.toISOString().slice(0, 16).replace("T", " ")} UTC.` };
  });
}

export async function assignOverrideAction(scheduleId: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    await assignOverride(db(), person, { ...formDataToObject(formData), scheduleId: boundId(scheduleId) });
    refresh();
    return { status: "success", message: "Cover assigned." };
  });
}

export async function setOptOutAction(scheduleId: unknown, optOut: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const optedOut = boundFlag(optOut);
    await setOptOut(db(), person, boundId(scheduleId), optedOut);
    refresh();
    return { status: "success", message: optedOut ? "You have opted out of this schedule." : "You have opted back in; ask the team to add you to the rotation." };
  });
}

export async function respondToRequestAction(requestId: unknown, answer: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const response = boundChoice(REQUEST_RESPONSES, answer);
    await respondToRequest(db(), person, boundId(requestId), response);
    refresh();
    return { status: "success", message: response === "ACCEPT" ? "Accepted: the calendar is updated." : response === "DECLINE" ? "Declined." : "Cancelled." };
  });
}

export async function addLeaveAction(timeZone: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    // The page binds the person's zone; addLeave's schema refuses anything that is not a real zone.
    const zone = typeof timeZone === "string" ? timeZone : "";
    const result = await addLeave(db(), person, { ...formDataToObject(formData), timeZone: zone });
    refresh();
    if (result.clashes.length === 0) return { status: "success", message: "Leave recorded. No on-call shifts clash with it." };
    const list = result.clashes.map((clash) => `${clash.scheduleName} ${formatInZone(clash.start, zone)}–${formatInZone(clash.end, zone)}`).join("; ");
    return { status: "success", message: `Leave recorded. It clashes with your shifts: ${list}. Ask someone to cover them.` };
  });
}

export async function cancelLeaveAction(leaveId: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    await cancelLeave(db(), person, boundId(leaveId));
    refresh();
  });
}

export async function rotateFeedAction(target: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    await rotateFeed(db(), person, target);
    refresh();
    return { status: "success", message: "A new calendar link is ready; the old one no longer works." };
  });
}

export async function createScheduleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const input = formDataToObject(formData);
    const [kind = "", ownerId = ""] = String(input.owner ?? "").split(":");
    const created = await createSchedule(db(), person, {
      ...input,
      kind,
      ownerId,
      workingDays: input.workingDays ?? [],
      participantIds: input.participantIds ?? [],
    });
    refresh();
    redirect(`/oncall/${created.slug}`);
  });
}

export async function editRotationAction(scheduleId: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const input = formDataToObject(formData);
    const edited = await editRotation(db(), person, boundId(scheduleId), {
      ...input,
      participantIds: input.participantIds ?? [],
      secondaryIds: input.secondaryIds ?? [],
    });
    refresh();
    redirect(`/oncall/${edited.slug}`);
  });
}

export async function setPayPolicyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    await setPayPolicy(db(), person, formDataToObject(formData));
    refresh();
    return { status: "success", message: "Pay rates saved." };
  });
}

export async function updateScheduleAction(scheduleId: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const input = formDataToObject(formData);
    const result = await updateSchedule(db(), person, boundId(scheduleId), { ...input, workingDays: input.workingDays ?? [] });
    refresh();
    return {
      status: "success",
      message: result.rotationChangedFrom
        ? `Settings saved. Shift changes apply from ${result.rotationChangedFrom.toISOString().slice(0, 16).replace("T", " ")} UTC; earlier shifts stay as they were.`
        : "Settings saved.",
    };
  });
}

export async function archiveScheduleAction(scheduleId: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    await archiveSchedule(db(), person, boundId(scheduleId), formDataToObject(formData));
    refresh();
    redirect("/oncall");
  });
}

export async function cancelOverrideAction(overrideId: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const result = await cancelOverride(db(), person, boundId(overrideId));
    refresh();
    return { status: "success", message: result.ended ? "Cover ended now; the rotation's person is on call again." : "Cover cancelled; the rotation's person is on call again." };
  });
}

function refreshHolidays() {
  revalidatePath("/oncall", "layout");
}

export async function createHolidayCalendarAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const created = await createHolidayCalendar(db(), person, formDataToObject(formData));
    refreshHolidays();
    redirect(`/oncall/holidays/${created.slug}`);
  });
}

export async function renameHolidayCalendarAction(calendarId: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const renamed = await renameHolidayCalendar(db(), person, boundId(calendarId), formDataToObject(formData));
    refreshHolidays();
    redirect(`/oncall/holidays/${renamed.slug}`);
  });
}

export async function addHolidayAction(calendarId: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    await addHoliday(db(), person, boundId(calendarId), formDataToObject(formData));
    refreshHolidays();
    return { status: "success", message: "Holiday added." };
  });
}

export async function removeHolidayAction(holidayId: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    await removeHoliday(db(), person, boundId(holidayId));
    refreshHolidays();
  });
}

export async function importHolidaysAction(calendarId: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const file = postedForm(formData).get("ics");
    if (file instanceof File && file.size > 1_000_000) return { status: "error", message: "Some fields need attention.", fieldErrors: { ics: ["The file is larger than 1 MB."] } };
    const ics = file instanceof File ? await file.text() : "";
    const result = await importHolidays(db(), person, boundId(calendarId), { ics });
    refreshHolidays();
    const parts = [`${result.added} holiday${result.added === 1 ? "" : "s"} added`];
    if (result.alreadyThere) parts.push(`${result.alreadyThere} already here`);
    if (result.skipped) parts.push(`${result.skipped} timed event${result.skipped === 1 ? "" : "s"} skipped (not whole days)`);
    return { status: "success", message: `${parts.join(", ")}.` };
  });
}
