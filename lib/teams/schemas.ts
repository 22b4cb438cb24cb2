import { z } from "zod";
import { safeId, safeText } from "../validation/text";

const optionalText = (max: number, message: string) =>
  safeText().trim().max(max, message).transform((value) => (value === "" ? null : value)).nullable().default(null);

export const ZTeamInput = z.object({
  name: safeText().trim().min(2, "Enter a name of at least 2 characters.").max(80, "Keep the name under 80 characters."),
  slug: safeText()
    .trim()
    .min(2, "The slug needs at least 2 characters.")
    .max(60, "Keep the slug under 60 characters.")
    .refine((slug) => slug.length < 2 || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug), "Use lowercase letters, digits and single hyphens, e.g. checkout."),
  description: safeText().trim().max(1000, "Keep the description under 1000 characters.").default(""),
  domainId: optionalText(100, "Choose a domain from the list."),
  chatChannel: optionalText(80, "Keep the channel under 80 characters."),
});
export type TTeamInput = z.input<typeof ZTeamInput>;

export const ZMembershipInput = z.object({
  personId: safeId("Choose a person."),
  isLead: z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()).default(false),
});
export type TMembershipInput = z.input<typeof ZMembershipInput>;
