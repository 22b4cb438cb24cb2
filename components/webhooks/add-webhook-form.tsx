"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { WebhookFormState } from "@/lib/webhooks/webhook-form-state";

type Props = {
  action: (state: WebhookFormState, formData: FormData) => Promise<WebhookFormState>;
  /** Event type → what a person reads. */
  events: { type: string; label: string }[];
};

/** Adds a webhook; its signing secret appears once, here, and cannot be shown again. */
export function AddWebhookForm({ action, events }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as WebhookFormState);
  const errors = state.fieldErrors ?? {};
  const eventErrors = Object.entries(errors).filter(([field]) => field === "events" || field.startsWith("events.")).flatMap(([, messages]) => messages);
  return (
    <div className="space-y-4">
      {state.status === "success" && state.secret ? (
        <div role="status" className="space-y-2 rounded-md border border-emerald-600/30 bg-emerald-50 p-4 text-sm dark:bg-emerald-950">
          <p className="font-medium text-fg">Webhook added. Copy its signing secret now: it will not be shown again.</p>
          <label htmlFor="new-webhook-secret" className="sr-only">Signing secret</label>
          <Input id="new-webhook-secret" readOnly value={state.secret} className="font-mono" onFocus={(event) => event.currentTarget.select()} />
        </div>
      ) : null}
      <form action={formAction} className="space-y-4" noValidate>
        <FormErrorSummary message={state.status === "error" ? state.message : undefined} fieldErrors={errors} labels={{ url: "URL", events: "Events", format: "Format", description: "Description", team: "Team" }} idPrefix="webhook-" />
        <Field id="webhook-url" label="URL" hint="Where Runwell POSTs each event (http or https)." errors={errors.url} required>
          {(control) => <Input {...control} name="url" type="url" inputMode="url" maxLength={2000} placeholder="https://tools.example.com/hooks/runwell" />}
        </Field>
        <fieldset className="space-y-2" aria-describedby={eventErrors.length ? "webhook-events-error" : undefined}>
          <legend className="text-sm font-medium text-fg">Events</legend>
          {events.map((event) => (
            <Checkbox key={event.type} id={`webhook-event-${event.type}`} name="events" value={event.type} label={event.label} hint={<code>{event.type}</code>} />
          ))}
          {eventErrors.length ? <p id="webhook-events-error" className="text-sm text-danger-fg">{[...new Set(eventErrors)].join(" ")}</p> : null}
        </fieldset>
        <Field id="webhook-format" label="Format" errors={errors.format}>
          {(control) => (
            <Select {...control} name="format" defaultValue="STANDARD">
              <option value="STANDARD">Standard Webhooks (signed JSON)</option>
              <option value="SLACK">Slack incoming webhook (Block Kit)</option>
            </Select>
          )}
        </Field>
        <Field id="webhook-description" label="Description" hint="Optional: what receives it." errors={errors.description}>
          {(control) => <Input {...control} name="description" maxLength={200} />}
        </Field>
        <Button type="submit" variant="primary" disabled={pending}>Add webhook</Button>
      </form>
    </div>
  );
}
