"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { boundId } from "@/lib/forms/bound-args";
import { postedForm } from "@/lib/forms/form-state";
import { runFormAction, type FormState } from "@/lib/forms/run-form-action";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import type { TokenFormState } from "@/lib/tokens/token-form-state";

export async function createTokenAction(slug: unknown, _previous: TokenFormState, formData: FormData): Promise<TokenFormState> {
  return runFormAction<TokenFormState>(async (person) => {
    const service = boundId(slug);
    const form = postedForm(formData);
    const expires = String(form.get("expiresInDays") ?? "");
    const token = await createApiToken(db(), person, {
      service,
      name: String(form.get("name") ?? ""),
      scopes: form.getAll("scopes").map(String),
      expiresInDays: expires === "never" ? null : expires,
    });
    revalidatePath(`/services/${service}/tokens`);
    return { status: "success", secret: token.secret };
  });
}

export async function revokeTokenAction(slug: unknown, tokenId: unknown, _previous: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const service = boundId(slug);
    await revokeApiToken(db(), person, boundId(tokenId));
    revalidatePath(`/services/${service}/tokens`);
  });
}
