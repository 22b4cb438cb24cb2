// API tokens in the audit trail (create-api-token, revoke-api-token). Registered in lib/audit/audit-actions.ts.
import { listWords, sentence, type SentenceMap } from "../audit/sentence-kit";

export const tokenSentences = {
  "api-token.create": (ctx) => {
    const scopes = Array.isArray(ctx.after.scopes) ? (ctx.after.scopes as string[]) : [];
    const expiry = ctx.after.expiresAt ? `, expiring ${ctx.words.dateTime(ctx.after.expiresAt)}` : ", never expiring";
    return sentence(ctx.actor, " created the API token ", ctx.entity, " for ", ctx.ref("Service", ctx.after.serviceId, "a deleted service"), ` (${scopes.length ? listWords(scopes) : "no scopes"}${expiry})`);
  },
  "api-token.revoke": (ctx) => sentence(ctx.actor, " revoked the API token ", ctx.entity),
} satisfies SentenceMap;
