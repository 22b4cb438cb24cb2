"use client";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import {
  AVAILABILITY_TARGETS, bandForLoss, formatDuration, needsJustification, onCallLevel, ON_CALL_LEVEL_LABEL,
  targetLabel, tolerableDowntimePerWeek,
} from "@/lib/catalog/availability";
import type { AvailabilityTarget } from "@/lib/generated/prisma/enums.ts";
import type { ServiceFormOptions, ServiceFormValues } from "./service-form-types";

type Props = {
  values: ServiceFormValues;
  set: (field: keyof ServiceFormValues, value: string) => void;
  errors: Record<string, string[]>;
  bands: ServiceFormOptions["bands"];
};

/** Loss per hour → suggested target (exposure band) → on-call level, shown live as the PM types. */
export function TargetFields({ values, set, errors, bands }: Props) {
  const loss = Number(values.maxLossPerHour) || 0;
  const band = bandForLoss(bands, loss);
  const target = values.availabilityTarget as AvailabilityTarget;
  const aboveBand = needsJustification(bands, loss, target);
  const cover = onCallLevel(target);
  return (
    <fieldset className="space-y-4 rounded-lg border border-line p-4">
      <legend className="px-1 text-sm font-semibold text-fg">Reliability</legend>
      <Field
        id="maxLossPerHour"
        label="Maximum loss per hour of unavailability"
        hint={band ? `Exposure band: ${band.name}, which suggests ${targetLabel(band.availabilityTarget)}.` : "Estimate in whole currency units."}
        errors={errors.maxLossPerHour}
        required
      >
        {(control) => (
          <Input {...control} name="maxLossPerHour" inputMode="numeric" value={values.maxLossPerHour}
            onChange={(event) => set("maxLossPerHour", event.target.value)} />
        )}
      </Field>
      <Field
        id="availabilityTarget"
        label="Availability target"
        hint={`Tolerates ${formatDuration(tolerableDowntimePerWeek(target))} of unavailability a week. Out-of-hours cover: ${ON_CALL_LEVEL_LABEL[cover.level].toLowerCase()}.`}
        errors={errors.availabilityTarget}
        required
      >
        {(control) => (
          <Select {...control} name="availabilityTarget" value={values.availabilityTarget}
            onChange={(event) => {
              set("availabilityTarget", event.target.value);
            }}>
            {AVAILABILITY_TARGETS.map((option) => (
              <option key={option} value={option}>
                {targetLabel(option)}
                {band?.availabilityTarget === option ? " (suggested)" : ""}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {aboveBand || values.targetJustification ? (
        <Field
          id="targetJustification"
          label="Why this target"
          hint={aboveBand ? "The target is above what the exposure band suggests. Higher targets cost more on-call; say why." : undefined}
          errors={errors.targetJustification}
          required={aboveBand}
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
