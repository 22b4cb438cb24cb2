import { z } from "zod";
import { safeText } from "../validation/text";

export const ROLES = ["ENGINEER", "PRODUCT_MANAGER", "CHANGE_MANAGER", "ADMIN"] as const;

export const ZRole = z.enum(ROLES, { message: `Role must be one of ${ROLES.join(", ")}.` });

const email = safeText().trim().toLowerCase().email("Enter a valid email address.");

export const ZAddPerson = z.object({
  email,
  name: safeText().trim().min(1, "Enter the person's name.").max(120, "Keep the name under 120 characters."),
  role: ZRole.default("ENGINEER"),
  isIncidentManager: z.boolean().default(false),
});
export type TAddPerson = z.input<typeof ZAddPerson>;

export const ZSetPersonRole = z.object({
  email,
  role: ZRole,
});
export type TSetPersonRole = z.input<typeof ZSetPersonRole>;

/** The people directory's URL filters; anything malformed is ignored rather than failing the page. */
export const ZPeopleFilters = z.object({
  q: safeText().trim().max(100).optional().catch(undefined),
  role: ZRole.optional().catch(undefined),
});
export type TPeopleFilters = z.infer<typeof ZPeopleFilters>;

/** Next's searchParams (values may repeat) → filters; the first value of a repeated key wins. */
export function parsePeopleFilters(params: Record<string, string | string[] | undefined>): TPeopleFilters {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
  return ZPeopleFilters.parse({ q: first(params.q), role: first(params.role) });
}

export const ZUpdatePerson = z.object({
  name: safeText().trim().min(1, "Enter the person's name.").max(120, "Keep the name under 120 characters."),
  role: ZRole,
  isIncidentManager: z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()).default(false),
});
export type TUpdatePerson = z.input<typeof ZUpdatePerson>;
