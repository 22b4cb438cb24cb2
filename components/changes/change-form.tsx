"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { FormState } from "@/lib/forms/initial-form-state";

const LABELS = {
  type: "Type", service: "Service", environment: "Environment", version: "Version", summary: "Summary", description: "Description",
  implementationPlan: "Implementation plan", rollbackPlan: "Rollback plan", plannedStart: "Planned start", plannedEnd: "Planned end", commits: "Commits",
};

export type ChangeFormDefaults = { type: string; service: string; environment: string; version: string };

export function ChangeForm({ action, services, environments, defaults }: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  services: { slug: string; name: string }[];
  environments: { slug: string; name: string }[];
  defaults: ChangeFormDefaults;
}) {
  return (
    <ActionForm action={action} submitLabel="Raise change" labels={LABELS} className="max-w-3xl space-y-5">
      {(errors) => (
        <>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Type</legend>
            <label className="flex items-start gap-2 text-sm">
              <input type="radio" name="type" value="NORMAL" defaultChecked={defaults.type !== "EMERGENCY"} className="mt-1" />
              <span><strong>Normal</strong>: reviewed by the CAB before it happens.</span>
            </label>
            <label className="flex items-start gap-2 text-sm">
              <input type="radio" name="type" value="EMERGENCY" defaultChecked={defaults.type === "EMERGENCY"} className="mt-1" />
              <span><strong>Emergency</strong>: implemented first (it passes freezes), reviewed by the CAB afterwards.</span>
            </label>
            {errors.type ? <p className="text-sm text-danger-fg">{errors.type.join(" ")}</p> : null}
          </fieldset>
          <div className="grid gap-4 md:grid-cols-3">
            <Field id="service" label="Service" errors={errors.service} required>
              {(control) => (
                <Select {...control} name="service" defaultValue={defaults.service}>
                  <option value="">Choose…</option>
                  {services.map((service) => <option key={service.slug} value={service.slug}>{service.name}</option>)}
                </Select>
              )}
            </Field>
            <Field id="environment" label="Environment" errors={errors.environment} required>
              {(control) => (
                <Select {...control} name="environment" defaultValue={defaults.environment}>
                  {environments.map((environment) => <option key={environment.slug} value={environment.slug}>{environment.name}</option>)}
                </Select>
              )}
            </Field>
            <Field id="version" label="Version" hint="The gate allows exactly this version." errors={errors.version}>
              {(control) => <Input {...control} name="version" defaultValue={defaults.version} />}
            </Field>
          </div>
          <Field id="summary" label="Summary" errors={errors.summary} required>
            {(control) => <Input {...control} name="summary" />}
          </Field>
          <Field id="description" label="Description" errors={errors.description}>
            {(control) => <Textarea {...control} name="description" rows={3} />}
          </Field>
          <div className="grid gap-4 md:grid-cols-2">
            <Field id="implementationPlan" label="Implementation plan" errors={errors.implementationPlan} required>
              {(control) => <Textarea {...control} name="implementationPlan" rows={4} />}
            </Field>
            <Field id="rollbackPlan" label="Rollback plan" errors={errors.rollbackPlan} required>
              {(control) => <Textarea {...control} name="rollbackPlan" rows={4} />}
            </Field>
          </div>
          <div className="grid gap-4 md:grid-cols-2">
            <Field id="plannedStart" label="Planned start (UTC)" errors={errors.plannedStart}>
              {(control) => <Input {...control} name="plannedStart" type="datetime-local" />}
            </Field>
            <Field id="plannedEnd" label="Planned end (UTC)" errors={errors.plannedEnd}>
              {(control) => <Input {...control} name="plannedEnd" type="datetime-local" />}
            </Field>
          </div>
          <Field id="commits" label="Commits" hint="Shas, separated by spaces or commas (optional)." errors={errors.commits}>
            {(control) => <Input {...control} name="commits" />}
          </Field>
          <Checkbox id="submit" name="submit" label="Submit to the CAB now" hint="Leave unticked to keep a draft. Emergency changes are approved at once." />
        </>
      )}
    </ActionForm>
  );
}
