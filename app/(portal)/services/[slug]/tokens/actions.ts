"use server";

import { revalidatePath } from "next/cache";
import { personForAction } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { runFormAction, type FormState } from "@/lib/forms/form-state";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import type { TokenFormState } from "@/lib/tokens/token-form-state";

export async function createTokenAction(slug: string, _previous: TokenFormState, formData: FormData): Promise<TokenFormState> {
  let secret: string | undefined;
  const state = await runFormAction(async () => {
    const expires = String(formData.get("expiresInDays") ?? "");
    const token = await createApiToken(db(), await personForAction(), {
      service: slug,
      name: String(formData.get("name") ?? ""),
      scopes: formData.getAll("scopes").map(String) as never,
      expiresInDays: expires === "never" ? null : expires,
    });
    secret = token.secret;
    revalidatePath(`/services/${slug}/tokens`);
  });
  return { ...state, secret };
}

export async function revokeTokenAction(slug: string, tokenId: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await revokeApiToken(db(), await personForAction(), tokenId);
    revalidatePath(`/services/${slug}/tokens`);
  });
}
