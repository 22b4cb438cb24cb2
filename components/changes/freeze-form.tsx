"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { FormState } from "@/lib/forms/initial-form-state";

type Option = { slug: string; name: string };

export function FreezeForm({ action, services, teams, domains }: { action: (state: FormState, formData: FormData) => Promise<FormState>; services: Option[]; teams: Option[]; domains: Option[] }) {
  return (
    <ActionForm action={action} submitLabel="Declare freeze" labels={{ name: "Name", scope: "Covers", target: "Which one", startsAt: "Starts", endsAt: "Ends", reason: "Reason" }}>
      {(errors) => (
        <>
          <Field id="freeze-name" label="Name" errors={errors.name} required>{(control) => <Input {...control} name="name" />}</Field>
          <Field id="freeze-reason" label="Reason" errors={errors.reason}>{(control) => <Input {...control} name="reason" />}</Field>
          <Field id="freeze-scope" label="Covers" errors={errors.scope} required>
            {(control) => (
              <Select {...control} name="scope" defaultValue="ORGANISATION">
                <option value="ORGANISATION">The whole organisation</option>
                <option value="DOMAIN">A domain</option>
                <option value="TEAM">A team</option>
                <option value="SERVICE">A service</option>
              </Select>
            )}
          </Field>
          <Field id="freeze-target" label="Which one" hint="For a domain, team or service freeze." errors={errors.target}>
            {(control) => (
              <Select {...control} name="target" defaultValue="">
                <option value="">—</option>
                <optgroup label="Domains">{domains.map((option) => <option key={`d-${option.slug}`} value={option.slug}>{option.name}</option>)}</optgroup>
                <optgroup label="Teams">{teams.map((option) => <option key={`t-${option.slug}`} value={option.slug}>{option.name}</option>)}</optgroup>
                <optgroup label="Services">{services.map((option) => <option key={`s-${option.slug}`} value={option.slug}>{option.name}</option>)}</optgroup>
              </Select>
            )}
          </Field>
          <Field id="freeze-starts" label="Starts (UTC)" errors={errors.startsAt} required>{(control) => <Input {...control} name="startsAt" type="datetime-local" />}</Field>
          <Field id="freeze-ends" label="Ends (UTC)" errors={errors.endsAt} required>{(control) => <Input {...control} name="endsAt" type="datetime-local" />}</Field>
        </>
      )}
    </ActionForm>
  );
}
