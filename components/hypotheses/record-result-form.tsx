"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { FormState } from "@/lib/forms/initial-form-state";

const LABELS = { result: "Result", evidence: "Evidence" };

/** Validated, invalidated or inconclusive, with the evidence (required). */
export function RecordResultForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  return (
    <ActionForm action={action} submitLabel="Record result" labels={LABELS} className="space-y-4">
      {(errors) => (
        <>
          <Field id="result" label={LABELS.result} errors={errors.result} required>
            {(control) => (
              <Select {...control} name="result" defaultValue="">
                <option value="">Choose…</option>
                <option value="VALIDATED">Validated: the metric moved as predicted</option>
                <option value="INVALIDATED">Invalidated: it did not</option>
                <option value="INCONCLUSIVE">Inconclusive: the data cannot say</option>
              </Select>
            )}
          </Field>
          <Field id="evidence" label={LABELS.evidence} hint="The metric's value before and after, and where it was read (a dashboard, a query)." errors={errors.evidence} required>
            {(control) => <Textarea {...control} name="evidence" rows={4} />}
          </Field>
        </>
      )}
    </ActionForm>
  );
}
