"use client";

import { ActionForm } from "@/components/ui/action-form";
import type { FormState } from "@/lib/forms/initial-form-state";

type Props = { action: (state: FormState, formData: FormData) => Promise<FormState>; active: boolean; name: string };

export function PersonActiveForm({ action, active, name }: Props) {
  return (
    <ActionForm
      action={action}
      submitLabel={active ? "Deactivate" : "Reactivate"}
      submitVariant={active ? "danger" : "secondary"}
      confirm={active ? `Deactivate ${name}? They can no longer sign in; their history stays.` : undefined}
    />
  );
}
