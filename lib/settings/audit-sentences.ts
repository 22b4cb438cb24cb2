// The organisation's settings in the audit trail (set-organisation-settings, and the demo seed's first
// choice). Registered in lib/audit/audit-actions.ts.
import { edited, field, sentence, type SentenceMap } from "../audit/sentence-kit";

export const settingsSentences = {
  "organisation.settings": (ctx) =>
    Object.keys(ctx.before).length
      ? edited(ctx, { currency: field.plain("currency") })
      : sentence(ctx.actor, ` set the organisation's currency to ${String(ctx.after.currency ?? "none")}`),
} satisfies SentenceMap;
