"use client";

import { KeyRound } from "lucide-react";
import { signIn } from "next-auth/react";
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
        void signIn("oidc", { callbackUrl: safeCallbackPath(callbackUrl, window.location.origin) });
      }}
    >
      <KeyRound aria-hidden="true" />
      Sign in with {displayName}
    </Button>
  );
}
