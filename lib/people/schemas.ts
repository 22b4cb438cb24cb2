import { z } from "zod";

export const ROLES = ["ENGINEER", "PRODUCT_MANAGER", "CHANGE_MANAGER", "ADMIN"] as const;

export const ZRole = z.enum(ROLES, { message: `Role must be one of ${ROLES.join(", ")}.` });

export const ZAddPerson = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address."),
  name: z.string().trim().min(1, "Enter the person's name.").max(120, "Keep the name under 120 characters."),
  role: ZRole.default("ENGINEER"),
  isIncidentManager: z.boolean().default(false),
});
export type TAddPerson = z.input<typeof ZAddPerson>;

export const ZSetPersonRole = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address."),
  role: ZRole,
});
export type TSetPersonRole = z.input<typeof ZSetPersonRole>;
