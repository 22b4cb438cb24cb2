"use client";

import { KeyRound } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { safeCallbackPath } from "./sign-in-messages";

export function OidcSignInButton({ displayName, callbackUrl }: { displayName: string; callbackUrl: string | null }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      size="lg"
      className="w-full"
      disabled={pending}
      aria-busy={pending || undefined}
      onClick={() => {
        setPending(true);
        // next-auth's client is fetched on the click, not with the sign-in page.
        void import("next-auth/react").then(({ signIn }) => signIn("oidc", { callbackUrl: safeCallbackPath(callbackUrl, window.location.origin) }));
      }}
    >
      <KeyRound aria-hidden="true" />
      Sign in with {displayName}
    </Button>
  );
}
