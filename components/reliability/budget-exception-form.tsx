import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { FormState } from "@/lib/forms/initial-form-state";

/** A product manager's time-boxed exception to the error-budget policy (London time, at most 14 days). */
export function BudgetExceptionForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  return (
    <ActionForm action={action} submitLabel="Record exception" submitVariant="secondary" labels={{ reason: "Reason", endsAt: "Until" }} className="space-y-3">
      <Field id="exception-reason" label="Reason" hint="Why this service may deploy standard changes while its budget is spent. It is shown to change managers and in the audit trail.">
        {(control) => <Textarea {...control} name="reason" rows={2} />}
      </Field>
      <Field id="exception-ends" label="Until" hint="London time; at most 14 days from now.">
        {(control) => <Input {...control} type="datetime-local" name="endsAt" />}
      </Field>
    </ActionForm>
  );
}
