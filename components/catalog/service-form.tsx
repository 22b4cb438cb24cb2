"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { DEPLOYMENT_TARGET_LABEL, LIFECYCLE_LABEL, TIER_LABEL } from "@/lib/catalog/labels";
import { initialFormState, type FormState } from "@/lib/forms/initial-form-state";
import { ServiceLinksEditor } from "./service-links-editor";
import { FIELD_LABELS, type ServiceFormOptions, type ServiceFormValues } from "./service-form-types";
import { TargetFields } from "./target-fields";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: ServiceFormValues;
  options: ServiceFormOptions;
  submitLabel: string;
  /** New services get their slug from the name until someone edits the slug. */
  deriveSlug?: boolean;
};

const slugify = (name: string) => name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);

// Controlled fields: React resets uncontrolled forms after an action, which would wipe input on a validation error.
export function ServiceForm({ action, initial, options, submitLabel, deriveSlug = false }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [values, setValues] = useState(initial);
  const [slugTouched, setSlugTouched] = useState(!deriveSlug);
  const errors = state.fieldErrors ?? {};
  const set = (field: keyof ServiceFormValues, value: string) =>
    setValues((current) => ({
      ...current,
      [field]: value,
      ...(field === "name" && !slugTouched ? { slug: slugify(value) } : {}),
    }));

  // React 19 resets a form after its action runs, and the reset puts controlled <select>s back on their first
  // rendered option while their state stays put (facebook/react#30580). Dispatching from onSubmit skips that reset.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };

  return (
    <form action={formAction} onSubmit={submit} noValidate className="max-w-3xl space-y-6">
      {state.status === "error" ? <FormErrorSummary message={state.message} fieldErrors={errors} labels={FIELD_LABELS} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="name" label="Name" errors={errors.name} required>
          {(control) => <Input {...control} name="name" value={values.name} onChange={(e) => set("name", e.target.value)} />}
        </Field>
        <Field id="slug" label="Slug" hint="Used in URLs and by pipelines." errors={errors.slug} required>
          {(control) => (
            <Input {...control} name="slug" value={values.slug}
              onChange={(e) => { setSlugTouched(true); set("slug", e.target.value); }} />
          )}
        </Field>
      </div>
      <Field id="description" label="Description" hint="What the service does and who depends on it." errors={errors.description}>
        {(control) => <Textarea {...control} name="description" value={values.description} onChange={(e) => set("description", e.target.value)} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="teamId" label="Owning team" errors={errors.teamId} required>
          {(control) => (
            <Select {...control} name="teamId" value={values.teamId} onChange={(e) => set("teamId", e.target.value)}>
              <option value="">Choose a team…</option>
              {options.teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
            </Select>
          )}
        </Field>
        <Field id="lifecycle" label="Lifecycle" errors={errors.lifecycle} required>
          {(control) => (
            <Select {...control} name="lifecycle" value={values.lifecycle} onChange={(e) => set("lifecycle", e.target.value)}>
              {Object.entries(LIFECYCLE_LABEL).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </Select>
          )}
        </Field>
        <Field id="tier" label="Tier" errors={errors.tier} required>
          {(control) => (
            <Select {...control} name="tier" value={values.tier} onChange={(e) => set("tier", e.target.value)}>
              {Object.entries(TIER_LABEL).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </Select>
          )}
        </Field>
      </div>
      <TargetFields values={values} set={set} errors={errors} bands={options.bands} unit={options.unit} targets={options.targets} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="deploymentTarget" label="Deployment target" hint="How often the team should be able to deploy." errors={errors.deploymentTarget} required>
          {(control) => (
            <Select {...control} name="deploymentTarget" value={values.deploymentTarget} onChange={(e) => set("deploymentTarget", e.target.value)}>
              {Object.entries(DEPLOYMENT_TARGET_LABEL).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </Select>
          )}
        </Field>
        <Field id="repositoryUrl" label="Repository" errors={errors.repositoryUrl}>
          {(control) => (
            <Input {...control} name="repositoryUrl" type="url" placeholder="https://github.com/…" value={values.repositoryUrl}
              onChange={(e) => set("repositoryUrl", e.target.value)} />
          )}
        </Field>
      </div>
      <ServiceLinksEditor links={values.links} errors={errors} onChange={(links) => setValues((current) => ({ ...current, links }))} />
      <div className="flex gap-3">
        <Button type="submit" variant="primary" disabled={pending}>{pending ? "Saving…" : submitLabel}</Button>
      </div>
    </form>
  );
}
