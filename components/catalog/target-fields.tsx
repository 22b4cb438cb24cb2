"use client";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { bandForLoss, targetVersusBand } from "@/lib/catalog/exposure-bands";
import type { AvailabilityTarget } from "@/lib/generated/prisma/enums.ts";
import { formatAmount } from "@/lib/money/format-money";
import { parseAmount } from "@/lib/money/parse-amount";
import type { ServiceFormOptions, ServiceFormValues } from "./service-form-types";

type Props = {
  values: ServiceFormValues;
  set: (field: keyof ServiceFormValues, value: string) => void;
  errors: Record<string, string[]>;
  bands: ServiceFormOptions["bands"];
  unit: ServiceFormOptions["unit"];
  targets: ServiceFormOptions["targets"];
};

const JUSTIFICATION_HINT = {
  above: "The target is above what the exposure band suggests. Higher targets cost more on-call; say why.",
  below: "The target is below what the exposure band suggests: more downtime than this loss per hour would call for. Say why it is enough.",
} as const;

/**
 * Loss per hour → suggested target (exposure band) → on-call level, shown live as the PM types. The text
 * is read by the parser the server validates with, in the unit the server sent: a hint the server would
 * refuse is never shown, and an amount it cannot read gets no band.
 */
export function TargetFields({ values, set, errors, bands, unit, targets }: Props) {
  const parsed = parseAmount(values.maxLossPerHour, unit);
  const band = parsed.ok ? bandForLoss(bands, parsed.amount) : null;
  const target = values.availabilityTarget as AvailabilityTarget;
  const versus = parsed.ok ? targetVersusBand(bands, parsed.amount, target) : "matches";
  const choice = targets.find((option) => option.value === target) ?? targets[0]!;
  const label = (value: AvailabilityTarget) => targets.find((option) => option.value === value)?.label ?? value;
  const lossHint = !parsed.ok
    ? `In ${unit.code} (${unit.symbol}), e.g. 250,000, 2m or 2.5k.`
    : band
      ? `${formatAmount(parsed.amount, unit)} an hour: exposure band ${band.name}, which suggests ${label(band.availabilityTarget)}.`
      : `${formatAmount(parsed.amount, unit)} an hour.`;
  return (
    <fieldset className="space-y-4 rounded-lg border border-line p-4">
      <legend className="px-1 text-sm font-semibold text-fg">Reliability</legend>
      <Field
        id="maxLossPerHour"
        label="Maximum loss per hour of unavailability"
        hint={lossHint}
        errors={errors.maxLossPerHour}
        required
      >
        {(control) => (
          <Input {...control} name="maxLossPerHour" inputMode="text" autoComplete="off" value={values.maxLossPerHour}
            onChange={(event) => set("maxLossPerHour", event.target.value)} />
        )}
      </Field>
      <Field
        id="availabilityTarget"
        label="Availability target"
        hint={choice.hint}
        errors={errors.availabilityTarget}
        required
      >
        {(control) => (
          <Select {...control} name="availabilityTarget" value={values.availabilityTarget}
            onChange={(event) => {
              set("availabilityTarget", event.target.value);
            }}>
            {targets.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
                {band?.availabilityTarget === option.value ? " (suggested)" : ""}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {versus !== "matches" || values.targetJustification ? (
        <Field
          id="targetJustification"
          label="Why this target"
          hint={versus === "matches" ? undefined : JUSTIFICATION_HINT[versus]}
          errors={errors.targetJustification}
          required={versus !== "matches"}
        >
          {(control) => (
            <Textarea {...control} name="targetJustification" rows={3} value={values.targetJustification}
              onChange={(event) => set("targetJustification", event.target.value)} />
          )}
        </Field>
      ) : null}
    </fieldset>
  );
}
