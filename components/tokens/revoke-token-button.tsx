"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { initialFormState, type FormState } from "@/lib/forms/initial-form-state";

export function RevokeTokenButton({ action, name }: { action: (state: FormState, formData: FormData) => Promise<FormState>; name: string }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} onSubmit={(event) => { if (!window.confirm(`Revoke the token "${name}"? Pipelines using it stop at once.`)) event.preventDefault(); }}>
      <Button type="submit" size="sm" variant="danger" disabled={pending} aria-label={`Revoke ${name}`}>Revoke</Button>
      {state.status === "error" ? <p role="alert" className="text-sm text-danger-fg">{state.message}</p> : null}
    </form>
  );
}
