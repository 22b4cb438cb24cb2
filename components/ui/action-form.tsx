"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent, type ReactNode } from "react";
import { initialFormState, type FormState } from "@/lib/forms/initial-form-state";
import { Button, type ButtonSize, type ButtonVariant } from "./button";
import { cx } from "./cx";
import { FormErrorSummary } from "./form-error-summary";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  submitLabel: string;
  submitVariant?: ButtonVariant;
  submitSize?: ButtonSize;
  /** The button's accessible name when its visible label needs context, e.g. "Remove Ada Lovelace". */
  submitAccessibleName?: string;
  /** Field path → label, for the error summary. */
  labels?: Record<string, string>;
  /** Asked with confirm() before submitting, for destructive actions. */
  confirm?: string;
  className?: string;
  /**
   * The fields: plain elements (usable from server components), or a function of the field errors
   * (from client components that show each error under its field).
   */
  children?: ReactNode | ((errors: Record<string, string[]>) => ReactNode);
};

/**
 * A form posting to a server action, with its error summary and success message. Dispatching from
 * onSubmit skips React 19's automatic form reset, so typed values survive a validation error
 * (facebook/react#30580); the fields are cleared only after a success. Without JavaScript the plain
 * `action` still works.
 */
export function ActionForm(props: Props) {
  const { action, submitLabel, submitVariant = "primary", submitSize, submitAccessibleName, labels, confirm, className, children } = props;
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const form = useRef<HTMLFormElement>(null);
  const errors = state.fieldErrors ?? {};
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (confirm && !window.confirm(confirm)) return;
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };
  return (
    <form ref={form} action={formAction} onSubmit={submit} noValidate className={cx(className ?? "space-y-4")}>
      {state.status === "error" ? <FormErrorSummary message={state.message} fieldErrors={errors} labels={labels} /> : null}
      {typeof children === "function" ? children(errors) : children}
      <Button type="submit" variant={submitVariant} size={submitSize} disabled={pending} aria-label={submitAccessibleName}>
        {pending ? "Saving…" : submitLabel}
      </Button>
      {state.status === "success" && state.message ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-300">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
