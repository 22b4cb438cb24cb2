// People in the audit trail (add-person, update-person, set-person-role, single sign-on provisioning).
// Registered in lib/audit/audit-actions.ts.
import { edited, field, sentence, type FieldSpecs, type SentenceMap } from "../audit/sentence-kit";
import { ROLE_LABEL } from "./roles";

export const PERSON_FIELDS: FieldSpecs = {
  name: field.plain("name"),
  email: field.plain("email"),
  role: field.words("role", ROLE_LABEL),
  isIncidentManager: field.plain("incident manager"),
  hasPassword: field.plain("password sign-in"),
  deactivatedAt: field.dateTime("deactivated"),
};

const article = (words: string) => (/^[aeiou]/i.test(words) ? `an ${words}` : `a ${words}`);
const roleWords = (role: unknown) => ROLE_LABEL[role as keyof typeof ROLE_LABEL]?.toLowerCase() ?? "person";

export const peopleSentences = {
  "person.create": (ctx) => sentence(ctx.actor, " added ", ctx.entity, ` as ${article(roleWords(ctx.after.role))}`),
  "person.update": (ctx) => edited(ctx, PERSON_FIELDS),
  "person.set-role": (ctx) => edited(ctx, PERSON_FIELDS),
  "person.deactivate": (ctx) => sentence(ctx.actor, " deactivated ", ctx.entity, ": they can no longer sign in"),
  "person.reactivate": (ctx) => sentence(ctx.actor, " reactivated ", ctx.entity),
} satisfies SentenceMap;
