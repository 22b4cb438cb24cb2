"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { ConflictPanel } from "./conflict-panel";
import { MarkdownView } from "./markdown-view";
import { RUNBOOK_FIELD_LABELS, type RunbookFormState, type RunbookFormValues } from "./runbook-form-state";
import { useMarkdownPreview } from "./use-markdown-preview";

type Props = {
  action: (state: RunbookFormState, formData: FormData) => Promise<RunbookFormState>;
  initial: RunbookFormValues;
  /** initial.body rendered on the server (renderMarkdown), the preview until the text is edited. */
  initialPreview: string;
  owners: { id: string; name: string }[];
  /** The revision the editor opened; absent when creating. */
  baseRevision?: number;
  submitLabel: string;
  cancelHref: string;
};

// Controlled fields, submitted from onSubmit: React would otherwise reset the form after the action and
// wipe the text on a validation error or a conflict (see components/catalog/service-form.tsx).
export function RunbookEditor({ action, initial, initialPreview, owners, baseRevision, submitLabel, cancelHref }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as RunbookFormState);
  const [values, setValues] = useState(initial);
  // After a conflict the editor keeps its base until the person has decided the clashes.
  const [base, setBase] = useState(baseRevision);
  const conflict = state.conflict && base !== undefined && base < state.conflict.currentRevision ? state.conflict : undefined;
  const preview = useMarkdownPreview(values.body, { body: initial.body, html: initialPreview });
  const errors = state.fieldErrors ?? {};
  const set = (field: keyof RunbookFormValues, value: string) => setValues((current) => ({ ...current, [field]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };

  return (
    <form action={formAction} onSubmit={submit} noValidate className="space-y-6">
      {state.status === "error" && !state.conflict ? <FormErrorSummary message={state.message} fieldErrors={errors} labels={RUNBOOK_FIELD_LABELS} /> : null}
      {conflict ? (
        <ConflictPanel
          conflict={conflict}
          message={state.message ?? ""}
          onUseTheirs={() => {
            setValues((current) => ({ ...current, body: conflict.current.body, title: conflict.current.title }));
            setBase(conflict.currentRevision);
          }}
          onResolved={(body) => {
            setValues((current) => ({ ...current, body }));
            setBase(conflict.currentRevision);
          }}
        />
      ) : null}
      {base !== undefined ? <input type="hidden" name="baseRevision" value={base} /> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="title" label="Title" errors={errors.title} required>
          {(control) => <Input {...control} name="title" value={values.title} onChange={(e) => set("title", e.target.value)} />}
        </Field>
        <Field id="tags" label="Tags" hint="Comma-separated, e.g. database, failover." errors={errors.tags ?? errors["tags.0"]}>
          {(control) => <Input {...control} name="tags" value={values.tags} onChange={(e) => set("tags", e.target.value)} />}
        </Field>
        <Field id="alertNames" label="Linked alerts" hint="Alert names as your alerting tool sends them; the lookup API finds this runbook by them."
          errors={errors.alertNames ?? errors["alertNames.0"]}>
          {(control) => <Input {...control} name="alertNames" value={values.alertNames} onChange={(e) => set("alertNames", e.target.value)} />}
        </Field>
        <div className="grid grid-cols-2 gap-4">
          <Field id="ownerId" label="Owner" errors={errors.ownerId}>
            {(control) => (
              <Select {...control} name="ownerId" value={values.ownerId} onChange={(e) => set("ownerId", e.target.value)}>
                <option value="">The owning team</option>
                {owners.map((owner) => <option key={owner.id} value={owner.id}>{owner.name}</option>)}
              </Select>
            )}
          </Field>
          <Field id="reviewIntervalDays" label="Review every (days)" errors={errors.reviewIntervalDays}>
            {(control) => <Input {...control} name="reviewIntervalDays" type="number" min={7} max={730} value={values.reviewIntervalDays}
              onChange={(e) => set("reviewIntervalDays", e.target.value)} />}
          </Field>
        </div>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Field id="body" label="Runbook" hint="GitHub-flavoured markdown: tables, task lists (- [ ]), code blocks with a language." errors={errors.body}>
          {(control) => (
            <Textarea {...control} name="body" rows={24} className="font-mono text-xs" value={values.body} onChange={(e) => set("body", e.target.value)} />
          )}
        </Field>
        <section aria-labelledby="preview-title" className="space-y-1.5">
          <h2 id="preview-title" className="text-sm font-medium text-fg">Preview</h2>
          <div className="max-h-[36rem] overflow-y-auto rounded-md border border-line bg-surface p-4" data-testid="runbook-preview">
            <MarkdownView html={preview} />
          </div>
        </section>
      </div>
      <Field id="summary" label="Summary of your change" hint="Shown in the history, e.g. “Added the failover step”." errors={errors.summary}>
        {(control) => <Input {...control} name="summary" value={values.summary} onChange={(e) => set("summary", e.target.value)} />}
      </Field>
      <div className="flex gap-3">
        <Button type="submit" variant="primary" disabled={pending || conflict !== undefined}>{pending ? "Saving…" : submitLabel}</Button>
        <ButtonLink href={cancelHref}>Cancel</ButtonLink>
      </div>
    </form>
  );
}
