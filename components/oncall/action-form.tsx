"use client";

import { useActionState, type ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { initialFormState, type FormState } from "@/lib/forms/initial-form-state";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  submitLabel: string;
  variant?: ButtonVariant;
  labels?: Record<string, string>;
  className?: string;
  children?: ReactNode;
};

/** A server-action form that shows field errors in one summary and a success message in a status region. */
export function ActionForm({ action, submitLabel, variant = "primary", labels, className, children }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className={className ?? "space-y-3"}>
      {state.status === "error" ? <FormErrorSummary message={state.message} fieldErrors={state.fieldErrors} labels={labels} /> : null}
      {children}
      <Button type="submit" variant={variant} size="sm" disabled={pending}>
        {submitLabel}
      </Button>
      {state.status === "success" && state.message ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-300">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
