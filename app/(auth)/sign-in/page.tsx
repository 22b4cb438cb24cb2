import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { OidcSignInButton } from "@/components/auth/oidc-sign-in-button";
import { SignInError } from "@/components/auth/sign-in-error";
import { SignInForm } from "@/components/auth/sign-in-form";
import { signInErrorMessage } from "@/components/auth/sign-in-messages";
import { SignInUnavailable } from "@/components/auth/sign-in-unavailable";
import { BrandMark } from "@/components/shell/brand-mark";
import { currentPerson } from "@/lib/auth/session";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  if (await currentPerson()) redirect("/");

  const params = await searchParams;
  const errorMessage = signInErrorMessage(first(params.error));
  const callbackUrl = first(params.callbackUrl) ?? null;
  const { demoSignIn, oidcConfigured, OIDC_DISPLAY_NAME } = env();

  return (
    <main id="main-content" className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-md space-y-6">
        <div className="flex flex-col items-center gap-3 text-center">
          <BrandMark />
          <h1 className="text-2xl font-semibold tracking-tight">Sign in to Runwell</h1>
          <p className="text-sm text-fg-muted">Services, on-call and change for teams that build and run what they ship.</p>
        </div>
        <div className="space-y-6 rounded-lg border border-line bg-surface p-6 shadow-sm">
          {errorMessage ? <SignInError message={errorMessage} /> : null}
          {oidcConfigured ? <OidcSignInButton displayName={OIDC_DISPLAY_NAME} callbackUrl={callbackUrl} /> : null}
          {oidcConfigured && demoSignIn ? (
            <div className="flex items-center gap-3 text-xs text-fg-muted" aria-hidden="true">
              <span className="h-px flex-1 bg-line" />
              or use a demo account
              <span className="h-px flex-1 bg-line" />
            </div>
          ) : null}
          {demoSignIn ? <SignInForm callbackUrl={callbackUrl} /> : null}
          {!oidcConfigured && !demoSignIn ? <SignInUnavailable /> : null}
        </div>
      </div>
    </main>
  );
}
