"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { TokenFormState } from "@/lib/tokens/token-form-state";

type Props = {
  action: (state: TokenFormState, formData: FormData) => Promise<TokenFormState>;
  scopes: readonly string[];
};

const SCOPE_HINT: Record<string, string> = {
  "deployments:write": "Report deployments and read this service's deployment history.",
  "health:write": "Report post-deployment health checks.",
};

/** Creates a token; the secret appears once, here, and cannot be shown again. */
export function CreateTokenForm({ action, scopes }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as TokenFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <div className="space-y-4">
      {state.status === "success" && state.secret ? (
        <div role="status" className="space-y-2 rounded-md border border-emerald-600/30 bg-emerald-50 p-4 text-sm dark:bg-emerald-950">
          <p className="font-medium text-fg">Copy the token now: it will not be shown again.</p>
          <label htmlFor="new-token" className="sr-only">New API token</label>
          <Input id="new-token" readOnly value={state.secret} className="font-mono" onFocus={(event) => event.currentTarget.select()} />
        </div>
      ) : null}
      <form action={formAction} className="space-y-4" noValidate>
        <FormErrorSummary message={state.status === "error" ? state.message : undefined} fieldErrors={errors} labels={{ name: "Name", scopes: "Scopes", expiresInDays: "Expires" }} idPrefix="token-" />
        <Field id="token-name" label="Name" hint="What uses it, e.g. GitHub Actions." errors={errors.name} required>
          {(control) => <Input {...control} name="name" maxLength={80} />}
        </Field>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-fg">Scopes</legend>
          {scopes.map((scope) => (
            <Checkbox key={scope} id={`token-scope-${scope}`} name="scopes" value={scope} label={<code>{scope}</code>} hint={SCOPE_HINT[scope]} />
          ))}
          {errors.scopes ? <p className="text-sm text-danger-fg">{errors.scopes.join(" ")}</p> : null}
        </fieldset>
        <Field id="token-expiresInDays" label="Expires" errors={errors.expiresInDays}>
          {(control) => (
            <Select {...control} name="expiresInDays" defaultValue="365">
              <option value="30">In 30 days</option>
              <option value="90">In 90 days</option>
              <option value="365">In a year</option>
              <option value="never">Never</option>
            </Select>
          )}
        </Field>
        <Button type="submit" variant="primary" disabled={pending}>Create token</Button>
      </form>
    </div>
  );
}
