"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { boundFlag, boundId, boundOptionalId } from "@/lib/forms/bound-args";
import { postedForm } from "@/lib/forms/form-state";
import { runFormAction, type FormState } from "@/lib/forms/run-form-action";
import { enqueueIn } from "@/lib/jobs/enqueue";
import { removeWebhook, setWebhookEnabled } from "@/lib/webhooks/change-webhook";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { resendDelivery } from "@/lib/webhooks/resend-delivery";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";
import type { WebhookFormState } from "@/lib/webhooks/webhook-form-state";

function refresh() {
  revalidatePath("/webhooks");
  revalidatePath("/teams/[slug]/webhooks", "page");
}

/** `team`: the team's slug, or null for the organisation's webhooks. */
export async function createWebhookAction(team: unknown, _previous: WebhookFormState, formData: FormData): Promise<WebhookFormState> {
  return runFormAction<WebhookFormState>(async (person) => {
    const teamSlug = boundOptionalId(team);
    const form = postedForm(formData);
    const { secret } = await createWebhook(db(), person, {
      team: teamSlug,
      url: form.get("url") ?? "",
      events: form.getAll("events").map(String),
      format: form.get("format") ?? "STANDARD",
      description: form.get("description") ?? "",
    });
    refresh();
    return { status: "success", secret };
  });
}

export async function removeWebhookAction(id: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    await removeWebhook(db(), person, boundId(id));
    refresh();
  });
}

export async function setWebhookEnabledAction(id: unknown, enabled: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    await setWebhookEnabled(db(), person, { id: boundId(id), enabled: boundFlag(enabled) });
    refresh();
  });
}

export async function sendTestEventAction(id: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    await sendTestEvent(db(), person, boundId(id), enqueueIn);
    refresh();
    return { status: "success", message: "Test event queued: reload in a moment to see its delivery." };
  });
}

export async function resendDeliveryAction(deliveryId: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    await resendDelivery(db(), person, boundId(deliveryId), enqueueIn);
    refresh();
    return { status: "success", message: "Queued to send again." };
  });
}
