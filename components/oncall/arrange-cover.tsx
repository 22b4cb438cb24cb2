import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { formatInZone } from "@/lib/oncall/calendar";
import type { FormState } from "@/lib/forms/initial-form-state";
import type { PersonRef } from "@/lib/oncall/queries";
import type { UpcomingShift } from "@/lib/oncall/views";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const label = (shift: UpcomingShift) => `${formatInZone(shift.start, shift.timeZone)} – ${formatInZone(shift.end, shift.timeZone)}`;

/** Swap one of my shifts for someone else's, or ask someone to cover mine: a whole shift or a range of hours. */
export function ArrangeCover(props: { mine: UpcomingShift[]; theirs: UpcomingShift[]; people: PersonRef[]; swap: Action; cover: Action; zone: string }) {
  const mineOptions = props.mine.map((shift) => (
    <option key={shift.start.toISOString()} value={`${shift.start.toISOString()}|${shift.end.toISOString()}`}>{label(shift)}</option>
  ));
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <ActionForm submitSize="sm" action={props.swap} submitLabel="Request swap" labels={{ startsAt: "Your shift", swapStartsAt: "Their shift", responderId: "Their shift" }}>
        <h3 className="text-sm font-semibold">Swap shifts</h3>
        <Field id="swap-mine" label="Your shift">
          {(control) => <Select {...control} name="myShift">{mineOptions}</Select>}
        </Field>
        <Field id="swap-theirs" label="Their shift">
          {(control) => (
            <Select {...control} name="theirShift">
              {props.theirs.map((shift) => (
                <option key={`${shift.person.id}-${shift.start.toISOString()}`} value={`${shift.person.id}|${shift.start.toISOString()}|${shift.end.toISOString()}`}>
                  {shift.person.name}: {label(shift)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="swap-message" label="Message (optional)">{(control) => <Input {...control} name="message" maxLength={500} />}</Field>
      </ActionForm>
      <ActionForm submitSize="sm" action={props.cover} submitLabel="Request cover" labels={{ startsAt: "From", endsAt: "Until", responderId: "Who" }}>
        <h3 className="text-sm font-semibold">Ask for cover</h3>
        <fieldset className="space-y-2 text-sm">
          <legend className="font-medium">How much</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="part" value="whole" defaultChecked className="accent-brand-600" /> A whole shift
          </label>
          <Field id="cover-mine" label="Your shift">
            {(control) => <Select {...control} name="myShift">{mineOptions}</Select>}
          </Field>
          <label className="flex items-center gap-2">
            <input type="radio" name="part" value="custom" className="accent-brand-600" /> Some hours of my shifts
          </label>
          <div className="grid gap-2 sm:grid-cols-2">
            <Field id="cover-from" label={`From (${props.zone})`}>{(control) => <Input {...control} type="datetime-local" name="startsAt" />}</Field>
            <Field id="cover-until" label={`Until (${props.zone})`}>{(control) => <Input {...control} type="datetime-local" name="endsAt" />}</Field>
          </div>
        </fieldset>
        <Field id="cover-who" label="Who">
          {(control) => (
            <Select {...control} name="responderId">
              {props.people.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
            </Select>
          )}
        </Field>
        <Field id="cover-message" label="Message (optional)">{(control) => <Input {...control} name="message" maxLength={500} />}</Field>
      </ActionForm>
    </div>
  );
}
