// Reliability in the audit trail: a product manager's exception to the error-budget policy
// (record-budget-exception.ts) and an admin turning the policy on or off (set-budget-policy.ts).
// Registered in lib/audit/audit-actions.ts.
import { sentence, withNote, type SentenceMap } from "../audit/sentence-kit";

export const reliabilitySentences = {
  "reliability.budget-exception": (ctx) =>
    withNote(
      sentence(ctx.actor, " let ", ctx.ref("Service", ctx.after.serviceId, "a deleted service"),
        ` deploy standard changes while its error budget is spent, from ${ctx.words.dateTime(ctx.after.startsAt)} until ${ctx.words.dateTime(ctx.after.endsAt)}`),
      ctx.after.reason,
    ),
  "organisation.error-budget-policy": (ctx) =>
    sentence(ctx.actor, ctx.after.errorBudgetPolicy === true
      ? " turned the error-budget policy on: standard changes of a service that has spent its 28-day budget are denied"
      : " turned the error-budget policy off: a spent error budget no longer holds back standard changes"),
} satisfies SentenceMap;
