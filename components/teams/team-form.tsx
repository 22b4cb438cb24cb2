"use client";

import { ActionForm } from "@/components/ui/action-form";
import type { FormState } from "@/lib/forms/initial-form-state";
import { TEAM_FIELD_LABELS, TeamFormFields, type TeamFormDefaults } from "./team-form-fields";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  defaults: TeamFormDefaults;
  domains: { id: string; name: string }[];
  submitLabel: string;
};

export function TeamForm({ action, defaults, domains, submitLabel }: Props) {
  return (
    <ActionForm action={action} submitLabel={submitLabel} labels={TEAM_FIELD_LABELS} className="max-w-3xl">
      {(errors) => <TeamFormFields errors={errors} domains={domains} defaults={defaults} />}
    </ActionForm>
  );
}
