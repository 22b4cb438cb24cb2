"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { initialFormState, type FormState } from "@/lib/forms/initial-form-state";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  archived: boolean;
  serviceName: string;
};

export function ArchiveServiceButton({ action, archived, serviceName }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!archived && !window.confirm(`Archive ${serviceName}? It leaves the catalog but keeps its history.`)) event.preventDefault();
      }}
      className="space-y-2"
    >
      <Button type="submit" variant={archived ? "secondary" : "danger"} disabled={pending}>
        {archived ? "Restore service" : "Archive service"}
      </Button>
      {state.status === "error" ? <p role="alert" className="text-sm text-danger-fg">{state.message}</p> : null}
    </form>
  );
}
