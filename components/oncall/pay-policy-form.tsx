import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { TextLink } from "@/components/ui/text-link";
import type { FormState } from "@/lib/forms/initial-form-state";
import type { MoneyUnit } from "@/lib/money/currency";

/** Admins set a team's pay model and rates, in minor units (pence, cents) of the organisation's currency. */
export function PayPolicyForm({ action, teams, unit }: { action: (state: FormState, formData: FormData) => Promise<FormState>; teams: { id: string; name: string }[]; unit: MoneyUnit }) {
  const minor = unit.minorDigits === 0 ? unit.code : `minor units of ${unit.code}`;
  return (
    <ActionForm submitSize="sm" action={action} submitLabel="Save rates" labels={{ teamId: "Team", model: "Pay model", standbyRate: "Standby rate", weekendHolidayRate: "Weekend and holiday rate", calloutRate: "Callout rate" }} className="grid gap-3 sm:grid-cols-3">
      <Field id="pay-team" label="Team">{(control) => <Select {...control} name="teamId">{teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}</Select>}</Field>
      <Field id="pay-model" label="Pay model">
        {(control) => (
          <Select {...control} name="model">
            <option value="STANDBY_ONLY">Standby only</option>
            <option value="STANDBY_AND_CALLOUT">Standby and callout</option>
          </Select>
        )}
      </Field>
      <p className="self-end text-sm text-fg-muted sm:pb-2">
        Rates are in {minor}, the organisation&apos;s currency (<TextLink href="/settings">organisation settings</TextLink>).
      </p>
      <Field id="pay-standby" label={`Standby per hour (${minor})`}>{(control) => <Input {...control} type="number" min={0} name="standbyRate" defaultValue={300} />}</Field>
      <Field id="pay-weekend" label={`Weekend/holiday per hour (${minor})`}>{(control) => <Input {...control} type="number" min={0} name="weekendHolidayRate" defaultValue={450} />}</Field>
      <Field id="pay-callout" label={`Per callout (${minor})`}>{(control) => <Input {...control} type="number" min={0} name="calloutRate" defaultValue={0} />}</Field>
    </ActionForm>
  );
}
