"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { FormState } from "@/lib/forms/initial-form-state";

const LABELS = { capability: "We believe", outcome: "will result in", metric: "We will know when", amount: "moves by", measureBy: "by", ownerId: "Owner" };

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The owning team's product managers; the writer is the default owner. */
  owners: { id: string; name: string }[];
  defaultOwnerId: string | null;
  today: string;
};

/** The hypothesis as its sentence, one field per blank, each with its own error. */
export function HypothesisForm({ action, owners, defaultOwnerId, today }: Props) {
  return (
    <ActionForm action={action} submitLabel="Write hypothesis" labels={LABELS} className="space-y-5">
      {(errors) => (
        <>
          <Field id="capability" label={LABELS.capability} hint="The capability you are building, e.g. “one-click reorder”." errors={errors.capability} required>
            {(control) => <Input {...control} name="capability" autoComplete="off" maxLength={300} />}
          </Field>
          <Field id="outcome" label={LABELS.outcome} hint="The outcome for customers or the business, e.g. “more repeat orders”." errors={errors.outcome} required>
            {(control) => <Input {...control} name="outcome" autoComplete="off" maxLength={300} />}
          </Field>
          <Field id="metric" label={LABELS.metric} hint="The metric you will read, e.g. “the weekly repeat-order rate”." errors={errors.metric} required>
            {(control) => <Input {...control} name="metric" autoComplete="off" maxLength={200} />}
          </Field>
          <Field id="amount" label={LABELS.amount} hint="How far, with a number, e.g. “+5 percentage points” or “-200 ms”." errors={errors.amount} required>
            {(control) => <Input {...control} name="amount" autoComplete="off" maxLength={100} />}
          </Field>
          <Field id="measureBy" label={LABELS.measureBy} hint="The date the metric must have moved by. You record the result from that day on." errors={errors.measureBy} required>
            {(control) => <Input {...control} type="date" name="measureBy" min={today} />}
          </Field>
          <Field id="ownerId" label={LABELS.ownerId} hint="A product manager of the team that owns the service." errors={errors.ownerId} required>
            {(control) => (
              <Select {...control} name="ownerId" defaultValue={defaultOwnerId ?? ""}>
                <option value="">Choose…</option>
                {owners.map((owner) => <option key={owner.id} value={owner.id}>{owner.name}</option>)}
              </Select>
            )}
          </Field>
        </>
      )}
    </ActionForm>
  );
}
