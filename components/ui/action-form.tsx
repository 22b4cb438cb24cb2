"use client";

import { startTransition, useActionState, type FormEvent, type ReactNode } from "react";
import { initialFormState, type FormState } from "@/lib/forms/initial-form-state";
import { Button, type ButtonVariant } from "./button";
import { cx } from "./cx";
import { FormErrorSummary } from "./form-error-summary";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  submitLabel: string;
  submitVariant?: ButtonVariant;
  /** The button's accessible name when its visible label needs context, e.g. "Remove Ada Lovelace". */
  submitAccessibleName?: string;
  /** Field path → label, for the error summary. */
  labels?: Record<string, string>;
  /** Asked with confirm() before submitting, for destructive actions. */
  confirm?: string;
  className?: string;
  children?: (errors: Record<string, string[]>) => ReactNode;
};

/**
 * A form posting to a server action, showing its field errors. Dispatching from onSubmit skips React 19's
 * automatic form reset, so typed values survive a validation error (facebook/react#30580); without
 * JavaScript the plain `action` still works.
 */
export function ActionForm({ action, submitLabel, submitVariant = "primary", submitAccessibleName, labels, confirm, className, children }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const errors = state.fieldErrors ?? {};
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (confirm && !window.confirm(confirm)) return;
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };
  return (
    <form action={formAction} onSubmit={submit} noValidate className={cx("space-y-4", className)}>
      {state.status === "error" ? <FormErrorSummary message={state.message} fieldErrors={errors} labels={labels} /> : null}
      {children?.(errors)}
      <Button type="submit" variant={submitVariant} disabled={pending} aria-label={submitAccessibleName}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
