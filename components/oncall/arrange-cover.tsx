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

/** Swap one of my shifts for someone else's, or ask someone to cover mine. */
export function ArrangeCover(props: { mine: UpcomingShift[]; theirs: UpcomingShift[]; people: PersonRef[]; swap: Action; cover: Action }) {
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
      <ActionForm submitSize="sm" action={props.cover} submitLabel="Request cover" labels={{ startsAt: "Your shift", responderId: "Who" }}>
        <h3 className="text-sm font-semibold">Ask for cover</h3>
        <Field id="cover-mine" label="Your shift">
          {(control) => <Select {...control} name="myShift">{mineOptions}</Select>}
        </Field>
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
