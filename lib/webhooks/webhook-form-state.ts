import type { FormState } from "../forms/initial-form-state";

/** The add-webhook form's state: on success it carries the signing secret, shown once and never again. */
export type WebhookFormState = FormState & { secret?: string };
