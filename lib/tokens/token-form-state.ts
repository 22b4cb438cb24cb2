import type { FormState } from "../forms/initial-form-state";

/** The create-token form's state: on success it carries the secret, shown once and never again. */
export type TokenFormState = FormState & { secret?: string };
