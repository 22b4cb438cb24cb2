"use client";

import { useActionState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { initialFormState, type FormState } from "@/lib/forms/initial-form-state";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  label: string;
  pendingLabel: string;
  variant?: ButtonVariant;
  /** Asked with window.confirm before acting, for actions that change what everyone reads. */
  confirm?: string;
};

/** One button that runs a server action and says what happened. */
export function ActionButton({ action, label, pendingLabel, variant = "secondary", confirm }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} onSubmit={(event) => { if (confirm && !window.confirm(confirm)) event.preventDefault(); }} className="inline-flex items-center gap-2">
      <Button type="submit" size="sm" variant={variant} disabled={pending}>{pending ? pendingLabel : label}</Button>
      {state.status === "error" ? <span role="alert" className="text-sm text-danger-fg">{state.message}</span> : null}
      {state.status === "success" && state.message ? <span role="status" className="text-sm text-fg-muted">{state.message}</span> : null}
    </form>
  );
}
