"use client";

import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { FormState } from "@/lib/forms/initial-form-state";

type Option = { slug: string; name: string };
type Scope = "ORGANISATION" | "DOMAIN" | "TEAM" | "SERVICE";

const TARGET_LABEL: Record<Exclude<Scope, "ORGANISATION">, string> = { DOMAIN: "Which domain", TEAM: "Which team", SERVICE: "Which service" };

export function FreezeForm({ action, services, teams, domains }: { action: (state: FormState, formData: FormData) => Promise<FormState>; services: Option[]; teams: Option[]; domains: Option[] }) {
  // The second select lists only the kind the first one chose; for the whole organisation there is none.
  const [scope, setScope] = useState<Scope>("ORGANISATION");
  const targets = scope === "DOMAIN" ? domains : scope === "TEAM" ? teams : scope === "SERVICE" ? services : [];
  return (
    <ActionForm action={action} submitLabel="Declare freeze" labels={{ name: "Name", scope: "Covers", target: "Which one", startsAt: "Starts", endsAt: "Ends", reason: "Reason" }}>
      {(errors) => (
        <>
          <Field id="freeze-name" label="Name" errors={errors.name} required>{(control) => <Input {...control} name="name" />}</Field>
          <Field id="freeze-reason" label="Reason" errors={errors.reason}>{(control) => <Input {...control} name="reason" />}</Field>
          <Field id="freeze-scope" label="Covers" errors={errors.scope} required>
            {(control) => (
              <Select {...control} name="scope" value={scope} onChange={(event) => setScope(event.target.value as Scope)}>
                <option value="ORGANISATION">The whole organisation</option>
                <option value="DOMAIN">A domain</option>
                <option value="TEAM">A team</option>
                <option value="SERVICE">A service</option>
              </Select>
            )}
          </Field>
          {scope === "ORGANISATION" ? null : (
            <Field id="freeze-target" label={TARGET_LABEL[scope]} errors={errors.target} required>
              {(control) => (
                // Keyed by scope: a new kind starts from "choose", never from a slug of another kind.
                <Select key={scope} {...control} name="target" defaultValue="">
                  <option value="">Choose…</option>
                  {targets.map((option) => <option key={option.slug} value={option.slug}>{option.name}</option>)}
                </Select>
              )}
            </Field>
          )}
          <Field id="freeze-starts" label="Starts (UTC)" errors={errors.startsAt} required>{(control) => <Input {...control} name="startsAt" type="datetime-local" />}</Field>
          <Field id="freeze-ends" label="Ends (UTC)" errors={errors.endsAt} required>{(control) => <Input {...control} name="endsAt" type="datetime-local" />}</Field>
        </>
      )}
    </ActionForm>
  );
}
