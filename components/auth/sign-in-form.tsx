"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Input } from "@/components/ui/input";
import { signInWithPassword } from "./password-sign-in";
import { safeCallbackPath } from "./sign-in-messages";

const DEMO_PASSWORD = "runwell-demo";
const DEMO_USERS = [
  { role: "Engineer", email: "engineer@runwell.local" },
  { role: "Product manager", email: "pm@runwell.local" },
  { role: "Change manager", email: "change@runwell.local" },
  { role: "Admin", email: "admin@runwell.local" },
] as const;

/** Password sign-in for the demo organisation (RUNWELL_DEMO_SIGN_IN); real installations use OIDC. */
export function SignInForm({ callbackUrl }: { callbackUrl: string | null }) {
  const router = useRouter();
  const submitRef = useRef<HTMLButtonElement>(null);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const result = await signInWithPassword(email, password);
      if (!result.ok) {
        setError(result.message);
        setPending(false);
        return;
      }
      router.push(safeCallbackPath(callbackUrl, window.location.origin));
      router.refresh();
    } catch {
      setError("Runwell could not be reached. Check your connection and try again.");
      setPending(false);
    }
  }

  function fillDemoAccount(demoEmail: string) {
    setEmail(demoEmail);
    setPassword(DEMO_PASSWORD);
    setError(null);
    // Filling the form is the first half of signing in; the second is one key press away.
    submitRef.current?.focus();
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="space-y-4">
        {error ? <FormErrorSummary message={error} /> : null}
        <Field id="email" label="Email">
          {(control) => (
            <Input
              {...control}
              name="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field id="password" label="Password">
          {(control) => (
            <Input
              {...control}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <Button ref={submitRef} type="submit" className="w-full" disabled={pending} aria-busy={pending || undefined}>
          Sign in
        </Button>
      </form>
      <section aria-labelledby="demo-accounts-heading" className="rounded-md border border-dashed border-line-strong p-4">
        <h2 id="demo-accounts-heading" className="text-sm font-semibold text-fg">
          Demo accounts
        </h2>
        <p className="mt-1 text-sm text-fg-muted">
          Each signs in as one role of the demo organisation; the password for all is{" "}
          <code className="rounded bg-surface-muted px-1 py-0.5 font-mono text-xs">{DEMO_PASSWORD}</code>.
        </p>
        <ul className="mt-3 grid gap-2 sm:grid-cols-2">
          {DEMO_USERS.map((user) => (
            <li key={user.email}>
              <button
                type="button"
                onClick={() => fillDemoAccount(user.email)}
                className="flex w-full flex-col items-start rounded-md border border-line bg-surface px-3 py-2 text-left hover:border-brand-400 hover:bg-surface-muted"
              >
                <span className="text-sm font-medium text-fg">{user.role}</span>
                <span className="text-xs break-all text-fg-muted">{user.email}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
