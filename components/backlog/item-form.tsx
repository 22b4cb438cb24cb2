"use client";

// Add or edit an item: what the work is, product or operational (with its kind), estimate, owner, due
// date, labels and links. The subtype list only matters for operational work; the server checks both.
import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { FormState } from "@/lib/forms/initial-form-state";
import { SUBTYPE_OPTIONS } from "./words";

export const ITEM_LABELS = {
  title: "Title", type: "Type", subtype: "Kind of operational work", estimate: "Estimate (points)", ownerId: "Owner", dueOn: "Due date",
  labels: "Labels", serviceId: "Service", incidentNumber: "Incident", description: "Description", status: "Status",
};

export type ItemDefaults = {
  title?: string; type?: string; subtype?: string | null; estimate?: number | null; ownerId?: string | null; dueOn?: string | null;
  labels?: string[]; serviceId?: string | null; incidentNumber?: number | null; description?: string;
  /** Links the form does not show; an edit keeps them. */
  deploymentId?: string | null; hypothesisId?: string | null;
};

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  members: { id: string; name: string }[];
  services: { id: string; name: string }[];
  defaults?: ItemDefaults;
  submitLabel: string;
};

export function ItemForm({ action, members, services, defaults = {}, submitLabel }: Props) {
  const [type, setType] = useState(defaults.type ?? "PRODUCT");
  return (
    <ActionForm action={action} submitLabel={submitLabel} labels={ITEM_LABELS} className="grid gap-4 sm:grid-cols-2">
      {(errors) => (
        <>
          {defaults.deploymentId ? <input type="hidden" name="deploymentId" value={defaults.deploymentId} /> : null}
          {defaults.hypothesisId ? <input type="hidden" name="hypothesisId" value={defaults.hypothesisId} /> : null}
          <Field id="title" label={ITEM_LABELS.title} errors={errors.title} required className="sm:col-span-2">
            {(control) => <Input {...control} name="title" maxLength={200} autoComplete="off" defaultValue={defaults.title} />}
          </Field>
          <Field id="type" label={ITEM_LABELS.type} errors={errors.type} required>
            {(control) => (
              <Select {...control} name="type" value={type} onChange={(event) => setType(event.target.value)}>
                <option value="PRODUCT">Product work</option>
                <option value="OPERATIONAL">Operational work</option>
              </Select>
            )}
          </Field>
          <Field id="subtype" label={ITEM_LABELS.subtype} hint={type === "OPERATIONAL" ? "Required for operational work." : "Only for operational work."} errors={errors.subtype}>
            {(control) => (
              <Select {...control} name="subtype" defaultValue={defaults.subtype ?? ""} disabled={type !== "OPERATIONAL"}>
                <option value="">—</option>
                {SUBTYPE_OPTIONS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
              </Select>
            )}
          </Field>
          <Field id="estimate" label={ITEM_LABELS.estimate} hint="0–100; leave empty if not estimated." errors={errors.estimate}>
            {(control) => <Input {...control} name="estimate" inputMode="numeric" defaultValue={defaults.estimate ?? ""} />}
          </Field>
          <Field id="ownerId" label={ITEM_LABELS.ownerId} errors={errors.ownerId}>
            {(control) => (
              <Select {...control} name="ownerId" defaultValue={defaults.ownerId ?? ""}>
                <option value="">Nobody yet</option>
                {members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
              </Select>
            )}
          </Field>
          <Field id="dueOn" label={ITEM_LABELS.dueOn} errors={errors.dueOn}>
            {(control) => <Input {...control} type="date" name="dueOn" defaultValue={defaults.dueOn ?? ""} />}
          </Field>
          <Field id="serviceId" label={ITEM_LABELS.serviceId} errors={errors.serviceId}>
            {(control) => (
              <Select {...control} name="serviceId" defaultValue={defaults.serviceId ?? ""}>
                <option value="">None</option>
                {services.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </Select>
            )}
          </Field>
          <Field id="incidentNumber" label={ITEM_LABELS.incidentNumber} hint="e.g. INC-42" errors={errors.incidentNumber}>
            {(control) => <Input {...control} name="incidentNumber" autoComplete="off" defaultValue={defaults.incidentNumber ? `INC-${defaults.incidentNumber}` : ""} />}
          </Field>
          <Field id="labels" label={ITEM_LABELS.labels} hint="Separated by commas." errors={errors.labels ?? errors["labels.0"]}>
            {(control) => <Input {...control} name="labels" autoComplete="off" defaultValue={defaults.labels?.join(", ") ?? ""} />}
          </Field>
          <Field id="description" label={ITEM_LABELS.description} errors={errors.description} className="sm:col-span-2">
            {(control) => <Textarea {...control} name="description" rows={3} defaultValue={defaults.description ?? ""} />}
          </Field>
        </>
      )}
    </ActionForm>
  );
}
