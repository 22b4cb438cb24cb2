"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { FormState } from "@/lib/forms/initial-form-state";

export type ReleaseOption = { id: string; label: string };

/** A picker of the service's production releases, newest first. */
export function LinkReleaseForm({ action, options }: { action: (state: FormState, formData: FormData) => Promise<FormState>; options: ReleaseOption[] }) {
  return (
    <ActionForm action={action} submitLabel="Link release" submitVariant="secondary" labels={{ deploymentId: "Release" }} className="space-y-3">
      {(errors) => (
        <Field id="deploymentId" label="Release" hint="Production deployments of the service, newest first." errors={errors.deploymentId} required>
          {(control) => (
            <Select {...control} name="deploymentId" defaultValue="">
              <option value="">Choose a release…</option>
              {options.map((option) => <option key={option.id} value={option.id}>{option.label}</option>)}
            </Select>
          )}
        </Field>
      )}
    </ActionForm>
  );
}
