import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { PersonRef } from "@/lib/oncall/queries";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
export const ROTA_SLOTS = 10;

type Props = {
  people: PersonRef[];
  errors?: Record<string, string[]>;
  defaults?: { rotationDays: number; handoffWeekday: number; handoffTime: string; participantIds: string[] };
  zone: string;
  /** With a secondary layer: its own rotation, in order (blank: the next primary person backs up). */
  secondary?: { participantIds: string[] };
};

/** Rotation length, handoff and the ordered people: one select per position, blanks ignored. */
export function RotationFields({ people, defaults, zone, secondary }: Props) {
  return (
    <fieldset className="grid gap-3 sm:grid-cols-2">
      <legend className="mb-2 text-sm font-semibold">Rotation</legend>
      <Field id="rotationDays" label="Shift length (days)" hint="One week is the default.">
        {(control) => <Input {...control} type="number" name="rotationDays" min={1} max={28} defaultValue={defaults?.rotationDays ?? 7} />}
      </Field>
      <Field id="handoffWeekday" label="Handoff day">
        {(control) => (
          <Select {...control} name="handoffWeekday" defaultValue={String(defaults?.handoffWeekday ?? 1)}>
            {WEEKDAYS.map((day, index) => <option key={day} value={index + 1}>{day}</option>)}
          </Select>
        )}
      </Field>
      <Field id="handoffTime" label={`Handoff time (${zone})`}>
        {(control) => <Input {...control} type="time" name="handoffTime" defaultValue={defaults?.handoffTime ?? "09:00"} />}
      </Field>
      <Field id="effectiveFrom" label={`Takes effect from (${zone})`} hint="Empty: now. The first person below takes the shift that contains this moment.">
        {(control) => <Input {...control} type="datetime-local" name="effectiveFrom" />}
      </Field>
      <div className="space-y-2 sm:col-span-2">
        <p className="text-sm font-medium">People, in rotation order (at least three; anyone of any role)</p>
        <ol className="grid gap-2 sm:grid-cols-2">
          {Array.from({ length: ROTA_SLOTS }, (_, index) => (
            <li key={index}>
              <Select aria-label={`Position ${index + 1}`} name={`participantIds.${index}`} defaultValue={defaults?.participantIds[index] ?? ""}>
                <option value="">—</option>
                {people.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
              </Select>
            </li>
          ))}
        </ol>
      </div>
      {secondary ? (
        <div className="space-y-2 sm:col-span-2">
          <p className="text-sm font-medium">Secondary rotation, in order</p>
          <p className="text-sm text-fg-muted">Leave empty and the next person of the primary rotation backs up the primary. The first person here is secondary for the shift that contains the effective date.</p>
          <ol className="grid gap-2 sm:grid-cols-2">
            {Array.from({ length: ROTA_SLOTS }, (_, index) => (
              <li key={index}>
                <Select aria-label={`Secondary position ${index + 1}`} name={`secondaryIds.${index}`} defaultValue={secondary.participantIds[index] ?? ""}>
                  <option value="">—</option>
                  {people.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
                </Select>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </fieldset>
  );
}
