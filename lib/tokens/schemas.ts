import { z } from "zod";
import { safeText } from "../validation/text";

/**
 * Every scope a token can carry. Reading its own service in the catalogue needs none; `catalog:read`
 * lets a service's token read other services too (lib/authz/permissions.ts TOKEN_RULES).
 */
export const TOKEN_SCOPES = [
  "catalog:read",
  "deployments:write",
  "health:write",
  "gate:read",
  "oncall:read",
  "runbooks:read",
  "incidents:write",
  "incidents:read",
  "audit:read",
  "backlog:read",
] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const ZCreateApiToken = z.object({
  service: safeText().trim().min(1, "Name the service the token acts for (its slug).").max(100, "At most 100 characters."),
  name: safeText().trim().min(1, "Give the token a name, e.g. the pipeline it is for.").max(80, "Keep the name under 80 characters."),
  scopes: z
    .array(z.enum(TOKEN_SCOPES, { message: `Scopes are: ${TOKEN_SCOPES.join(", ")}.` }))
    .min(1, "Give the token at least one scope.")
    .transform((scopes) => [...new Set(scopes)].sort()),
  expiresInDays: z.coerce.number().int("Whole days only.").min(1, "At least one day.").max(730, "At most two years.").nullable().default(365),
});
export type TCreateApiToken = z.input<typeof ZCreateApiToken>;
