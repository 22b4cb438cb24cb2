"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { FormState } from "@/lib/forms/initial-form-state";

type Member = { isLead: boolean; person: { id: string; name: string; email: string } };
type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type Props = {
  teamName: string;
  members: Member[];
  candidates: { id: string; name: string; email: string }[];
  setMembership: Action;
  /** One bound server action per member (functions cannot cross to the client, bound actions can). */
  removeActions: Record<string, Action>;
};

/** Admin view of a team's members: add someone, make or unmake a lead, remove. */
export function TeamMembershipEditor({ teamName, members, candidates, setMembership, removeActions }: Props) {
  const memberIds = new Set(members.map((member) => member.person.id));
  return (
    <div className="space-y-6">
      <ul className="divide-y divide-line rounded-lg border border-line" aria-label={`Members of ${teamName}`}>
        {members.map(({ person, isLead }) => (
          <li key={person.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
            <span>
              <span className="font-medium">{person.name}</span> {isLead ? <Badge tone="brand">Lead</Badge> : null}
              <span className="block text-xs text-fg-muted">{person.email}</span>
            </span>
            <span className="flex gap-2">
              <ActionForm action={setMembership} submitLabel={isLead ? "Unset lead" : "Make lead"} submitVariant="secondary"
                submitAccessibleName={isLead ? `Unset ${person.name} as lead` : `Make ${person.name} lead`}>
                {() => (
                  <>
                    <input type="hidden" name="personId" value={person.id} />
                    {isLead ? null : <input type="hidden" name="isLead" value="on" />}
                  </>
                )}
              </ActionForm>
              <ActionForm action={removeActions[person.id]!} submitLabel="Remove" submitAccessibleName={`Remove ${person.name}`} submitVariant="danger" confirm={`Remove ${person.name} from ${teamName}?`} />
            </span>
          </li>
        ))}
        {members.length === 0 ? <li className="px-4 py-3 text-sm text-fg-muted">No members yet.</li> : null}
      </ul>
      <ActionForm action={setMembership} submitLabel="Add member" labels={{ personId: "Person" }} className="max-w-xl">
        {(errors) => (
          <>
            <Field id="personId" label="Person" errors={errors.personId} required>
              {(control) => (
                <Select {...control} name="personId" defaultValue="">
                  <option value="">Choose a person…</option>
                  {candidates.filter((candidate) => !memberIds.has(candidate.id)).map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>{candidate.name} ({candidate.email})</option>
                  ))}
                </Select>
              )}
            </Field>
            <Checkbox id="isLead" name="isLead" label="Team lead" hint="Leads can later assign on-call cover directly." />
          </>
        )}
      </ActionForm>
    </div>
  );
}
