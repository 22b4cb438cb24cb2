"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { FormState } from "@/lib/forms/initial-form-state";

type Option = { slug: string; name: string };

export function RequiredCheckForm({ action, services, patterns }: { action: (state: FormState, formData: FormData) => Promise<FormState>; services: Option[]; patterns: Option[] }) {
  return (
    <ActionForm action={action} submitLabel="Require check" labels={{ service: "Service", pattern: "Pattern", name: "Check name", deadlineMinutes: "Within (minutes)" }}>
      {(errors) => (
        <>
          <Field id="check-service" label="Service" hint="Either a service…" errors={errors.service}>
            {(control) => <Select {...control} name="service" defaultValue=""><option value="">—</option>{services.map((option) => <option key={option.slug} value={option.slug}>{option.name}</option>)}</Select>}
          </Field>
          <Field id="check-pattern" label="Pattern" hint="…or every standard change under a pattern." errors={errors.pattern}>
            {(control) => <Select {...control} name="pattern" defaultValue=""><option value="">—</option>{patterns.map((option) => <option key={option.slug} value={option.slug}>{option.name}</option>)}</Select>}
          </Field>
          <Field id="check-name" label="Check name" hint="As the pipeline reports it, e.g. smoke." errors={errors.name} required>{(control) => <Input {...control} name="name" />}</Field>
          <Field id="check-deadline" label="Within (minutes)" errors={errors.deadlineMinutes} required>{(control) => <Input {...control} name="deadlineMinutes" type="number" defaultValue="15" />}</Field>
        </>
      )}
    </ActionForm>
  );
}
