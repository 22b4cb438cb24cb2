import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { FormState } from "@/lib/forms/initial-form-state";

/** The organisation's error-budget policy, on or off. Keyed on the saved value so it shows it after a save. */
export function BudgetPolicyForm({ action, on }: { action: (state: FormState, formData: FormData) => Promise<FormState>; on: boolean }) {
  return (
    <ActionForm action={action} submitLabel="Save policy" labels={{ errorBudgetPolicy: "Error-budget policy" }} className="max-w-md space-y-4">
      <Field id="errorBudgetPolicy" label="Error-budget policy"
        hint="On: while a service has spent its 28-day error budget, the deployment gate denies its standard changes until it recovers (normal and emergency changes go through their approvals; a product manager of the owning team may make a time-boxed exception).">
        {(control) => (
          <Select key={String(on)} {...control} name="errorBudgetPolicy" defaultValue={on ? "on" : "off"}>
            <option value="on">On</option>
            <option value="off">Off</option>
          </Select>
        )}
      </Field>
    </ActionForm>
  );
}
