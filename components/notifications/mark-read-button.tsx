"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { initialFormState, type FormState } from "@/lib/forms/initial-form-state";

export function MarkReadButton({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction}>
      <Button type="submit" disabled={pending}>Mark all as read</Button>
      {state.status === "error" ? <p role="alert" className="text-sm text-danger-fg">{state.message}</p> : null}
    </form>
  );
}
