"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { FormState } from "@/lib/forms/initial-form-state";
import { ROLE_LABEL, ROLES } from "@/lib/people/roles";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  submitLabel: string;
  defaults: { email?: string; name: string; role: string; isIncidentManager: boolean };
  /** The email is the sign-in identity: set once, when the person is added. */
  withEmail: boolean;
};

const LABELS = { email: "Email", name: "Name", role: "Role", isIncidentManager: "Incident manager" };

export function PersonForm({ action, submitLabel, defaults, withEmail }: Props) {
  return (
    <ActionForm action={action} submitLabel={submitLabel} labels={LABELS} className="max-w-xl">
      {(errors) => (
        <>
          {withEmail ? (
            <Field id="email" label="Email" hint="The address their identity provider asserts." errors={errors.email} required>
              {(control) => <Input {...control} name="email" type="email" defaultValue={defaults.email ?? ""} />}
            </Field>
          ) : null}
          <Field id="name" label="Name" errors={errors.name} required>
            {(control) => <Input {...control} name="name" defaultValue={defaults.name} />}
          </Field>
          <Field id="role" label="Role" errors={errors.role} required>
            {(control) => (
              <Select {...control} name="role" defaultValue={defaults.role}>
                {ROLES.map((role) => <option key={role} value={role}>{ROLE_LABEL[role]}</option>)}
              </Select>
            )}
          </Field>
          <Checkbox id="isIncidentManager" name="isIncidentManager" label="Incident manager"
            hint="May declare major incidents across teams." defaultChecked={defaults.isIncidentManager} errors={errors.isIncidentManager} />
        </>
      )}
    </ActionForm>
  );
}
