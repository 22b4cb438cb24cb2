"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { FormState } from "@/lib/forms/initial-form-state";

/** The product manager's target operational share, 0–100 % (empty clears it). */
export function TargetForm({ action, target }: { action: (state: FormState, formData: FormData) => Promise<FormState>; target: number | null }) {
  return (
    <ActionForm action={action} submitLabel="Set target" submitVariant="secondary" labels={{ target: "Target operational share (%)" }} className="flex flex-wrap items-end gap-3">
      {(errors) => (
        <Field id="target" label="Target operational share (%)" hint="0–100; empty clears it." errors={errors.target}>
          {(control) => <Input {...control} name="target" inputMode="numeric" defaultValue={target ?? ""} className="w-28" />}
        </Field>
      )}
    </ActionForm>
  );
}
