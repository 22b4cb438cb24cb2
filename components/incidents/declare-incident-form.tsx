"use client";

import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { FormState } from "@/lib/forms/initial-form-state";
import type { IncidentImpact } from "@/lib/generated/prisma/enums";
import { IMPACT_WORDS, impactFromLoss, type Band } from "@/lib/incidents/impact";
import type { MoneyUnit } from "@/lib/money/currency";
import { formatAmount } from "@/lib/money/format-money";
import { parseAmount } from "@/lib/money/parse-amount";
import { ServicePicker, type PickedService } from "./service-picker";

const LABELS = { services: "Affected services", title: "What is wrong", summary: "What we know", lossPerHour: "Estimated loss per hour", impact: "Impact" };

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initialServices: PickedService[];
  bands: Band[];
  unit: MoneyUnit;
  /** Incident managers may declare a major (HIGH) incident; others see why they cannot. */
  mayDeclareMajor: boolean;
};

/**
 * Declare an incident: the services (by quick find), a line on what is wrong, and the impact, chosen
 * from the estimated loss per hour with the organisation's bands (the same rule the server applies)
 * or picked directly.
 */
export function DeclareIncidentForm({ action, initialServices, bands, unit, mayDeclareMajor }: Props) {
  const [loss, setLoss] = useState("");
  const [impact, setImpact] = useState<"" | IncidentImpact>("");
  const parsed = loss.trim() ? parseAmount(loss, unit) : null;
  const fromLoss = parsed?.ok ? impactFromLoss(parsed.amount, bands) : null;
  const chosen = impact || fromLoss;
  const lossHint = parsed?.ok && fromLoss
    ? `${formatAmount(parsed.amount, unit)} an hour: ${IMPACT_WORDS[fromLoss].label.toLowerCase()} impact, ${IMPACT_WORDS[fromLoss].priority} (${IMPACT_WORDS[fromLoss].restore}).`
    : `In ${unit.code}, e.g. 25,000 or 2m. Leave it empty and choose the impact below if you cannot say.`;
  return (
    <ActionForm action={action} submitLabel="Declare incident" labels={LABELS} className="space-y-5">
      {(errors) => (
        <>
          <Field id="services" label={LABELS.services} hint="The first one responds: its on-call person is paged." errors={errors.services ?? errors["services.0"]} required>
            {(control) => <ServicePicker id={control.id} initial={initialServices} invalid={control["aria-invalid"]} describedBy={control["aria-describedby"]} />}
          </Field>
          <Field id="title" label={LABELS.title} hint="One line, e.g. “Card payments failing at checkout”." errors={errors.title} required>
            {(control) => <Input {...control} name="title" autoComplete="off" maxLength={200} />}
          </Field>
          <Field id="summary" label={LABELS.summary} errors={errors.summary}>
            {(control) => <Textarea {...control} name="summary" rows={4} />}
          </Field>
          <Field id="lossPerHour" label={LABELS.lossPerHour} hint={lossHint} errors={errors.lossPerHour}>
            {(control) => <Input {...control} name="lossPerHour" inputMode="text" autoComplete="off" value={loss} onChange={(event) => setLoss(event.target.value)} />}
          </Field>
          <Field
            id="impact"
            label={LABELS.impact}
            hint={chosen === "HIGH" && !mayDeclareMajor ? "A major incident is declared by an incident manager: ask one, or choose medium." : chosen ? `${IMPACT_WORDS[chosen].label}: ${IMPACT_WORDS[chosen].priority}, ${IMPACT_WORDS[chosen].restore}.` : "High is a major incident (restore now, every on-call team is told)."}
            errors={errors.impact}
          >
            {(control) => (
              <Select {...control} name="impact" value={impact} onChange={(event) => setImpact(event.target.value as "" | IncidentImpact)}>
                <option value="">{fromLoss ? `From the loss: ${IMPACT_WORDS[fromLoss].label.toLowerCase()}` : "From the loss per hour"}</option>
                <option value="HIGH">High: major, restore now</option>
                <option value="MEDIUM">Medium: minor, restore by the next working day</option>
                <option value="LOW">Low: minor, restore when possible</option>
              </Select>
            )}
          </Field>
        </>
      )}
    </ActionForm>
  );
}
