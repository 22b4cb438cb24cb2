"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { initialFormState, type FormState } from "@/lib/forms/initial-form-state";
import { MarkdownView } from "./markdown-view";
import { useMarkdownPreview } from "./use-markdown-preview";

export type TemplateFormValues = { name: string; slug: string; description: string; tags: string; body: string; isStarter: boolean };

const LABELS = { name: "Name", slug: "Slug", description: "Description", tags: "Tags", body: "Template" };

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: TemplateFormValues;
  /** initial.body rendered on the server, the preview until the text is edited. */
  initialPreview: string;
  submitLabel: string;
};

export function TemplateForm({ action, initial, initialPreview, submitLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [values, setValues] = useState(initial);
  const preview = useMarkdownPreview(values.body, { body: initial.body, html: initialPreview });
  const errors = state.fieldErrors ?? {};
  const set = (field: keyof TemplateFormValues, value: string | boolean) => setValues((current) => ({ ...current, [field]: value }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };
  return (
    <form action={formAction} onSubmit={submit} noValidate className="space-y-6">
      {state.status === "error" ? <FormErrorSummary message={state.message} fieldErrors={errors} labels={LABELS} /> : null}
      <div className="grid gap-4 md:grid-cols-3">
        <Field id="name" label="Name" errors={errors.name} required>
          {(control) => <Input {...control} name="name" value={values.name} onChange={(e) => set("name", e.target.value)} />}
        </Field>
        <Field id="slug" label="Slug" errors={errors.slug} required>
          {(control) => <Input {...control} name="slug" value={values.slug} onChange={(e) => set("slug", e.target.value)} />}
        </Field>
        <Field id="tags" label="Tags" hint="Given to runbooks made from it." errors={errors.tags ?? errors["tags.0"]}>
          {(control) => <Input {...control} name="tags" value={values.tags} onChange={(e) => set("tags", e.target.value)} />}
        </Field>
      </div>
      <Field id="description" label="Description" errors={errors.description}>
        {(control) => <Input {...control} name="description" value={values.description} onChange={(e) => set("description", e.target.value)} />}
      </Field>
      <Checkbox id="isStarter" name="isStarter" label="Starter template" hint="Every new service gets a runbook made from it (only one template can be the starter)."
        checked={values.isStarter} onChange={(e) => set("isStarter", e.target.checked)} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Field id="body" label="Template" hint="Markdown; {{service}} and {{team}} are filled in." errors={errors.body} required>
          {(control) => <Textarea {...control} name="body" rows={20} className="font-mono text-xs" value={values.body} onChange={(e) => set("body", e.target.value)} />}
        </Field>
        <section aria-labelledby="template-preview-title" className="space-y-1.5">
          <h2 id="template-preview-title" className="text-sm font-medium">Preview</h2>
          <div className="max-h-[32rem] overflow-y-auto rounded-md border border-line bg-surface p-4"><MarkdownView html={preview} /></div>
        </section>
      </div>
      <div className="flex gap-3">
        <Button type="submit" variant="primary" disabled={pending}>{pending ? "Saving…" : submitLabel}</Button>
        <ButtonLink href="/runbooks/templates">Cancel</ButtonLink>
      </div>
    </form>
  );
}
