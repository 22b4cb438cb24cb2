import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { FormState } from "@/lib/forms/initial-form-state";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  currency: string;
  /** [code, "British Pound (GBP)"], sorted by name. */
  options: [string, string][];
};

/** The organisation's currency. The select is keyed on it so that, after a save, it shows the saved value. */
export function CurrencyForm({ action, currency, options }: Props) {
  return (
    <ActionForm action={action} submitLabel="Save currency" labels={{ currency: "Currency" }} className="max-w-md space-y-4">
      <Field id="currency" label="Currency" hint="Exposure per hour, exposure bands and on-call pay are shown and typed in it. Amounts are relabelled, not converted.">
        {(control) => (
          <Select key={currency} {...control} name="currency" defaultValue={currency}>
            {options.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
          </Select>
        )}
      </Field>
    </ActionForm>
  );
}
