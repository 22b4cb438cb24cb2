import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { FormState } from "@/lib/forms/initial-form-state";
import type { PersonRef } from "@/lib/oncall/queries";

/** Admins and team leads put someone on call directly for a range, in the schedule's time zone. */
export function AssignOverrideForm({ action, people, zone, hasSecondary }: { action: (state: FormState, formData: FormData) => Promise<FormState>; people: PersonRef[]; zone: string; hasSecondary: boolean }) {
  return (
    <ActionForm submitSize="sm" action={action} submitLabel="Assign cover" labels={{ personId: "Person", startsAt: "From", endsAt: "Until", layer: "Layer" }} className="grid gap-3 sm:grid-cols-2">
      <Field id="assign-person" label="Person">
        {(control) => <Select {...control} name="personId">{people.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}</Select>}
      </Field>
      <Field id="assign-layer" label="Layer">
        {(control) => (
          <Select {...control} name="layer">
            <option value="PRIMARY">Primary</option>
            {hasSecondary ? <option value="SECONDARY">Secondary</option> : null}
          </Select>
        )}
      </Field>
      <Field id="assign-from" label={`From (${zone})`}>{(control) => <Input {...control} type="datetime-local" name="startsAt" />}</Field>
      <Field id="assign-until" label={`Until (${zone})`}>{(control) => <Input {...control} type="datetime-local" name="endsAt" />}</Field>
    </ActionForm>
  );
}
