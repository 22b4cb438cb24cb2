// Webhooks in the audit trail (create-webhook, change-webhook, send-test-event, resend-delivery).
// The snapshot (audit-snapshot.ts) carries a shortened URL and never the secret. Registered in
// lib/audit/audit-actions.ts.
import { listWords, sentence, type SentenceMap } from "../audit/sentence-kit";

const str = (value: unknown) => (typeof value === "string" ? value : "");
const eventsOf = (snapshot: Record<string, unknown>) => (Array.isArray(snapshot.events) ? (snapshot.events as unknown[]).filter((e): e is string => typeof e === "string") : []);
const where = (snapshot: Record<string, unknown>) => {
  const url = str(snapshot.url);
  const scope = str(snapshot.scope);
  return `${scope ? ` for ${scope}` : ""}${url ? ` to ${url}` : ""}`;
};

const PREVIOUSLY: Record<string, string> = { delivered: " (it had been delivered)", failed: " (it had failed)", pending: " (it was still being retried)" };

export const webhookSentences = {
  "webhook.create": (ctx) => {
    const events = eventsOf(ctx.after);
    const format = str(ctx.after.format);
    return sentence(ctx.actor, ` added a webhook${where(ctx.after)}${format ? ` (${format})` : ""}, receiving ${events.length ? listWords(events) : "no events"}`);
  },
  "webhook.remove": (ctx) => sentence(ctx.actor, ` removed the webhook${where(ctx.before)}`),
  "webhook.enable": (ctx) => sentence(ctx.actor, ` switched on the webhook${where(ctx.before)}`),
  "webhook.disable": (ctx) => sentence(ctx.actor, ` switched off the webhook${where(ctx.before)}`),
  "webhook.test": (ctx) => sentence(ctx.actor, ` sent a test event to the webhook${where(ctx.after)}`),
  "webhook.resend": (ctx) => {
    const type = str(ctx.after.eventType);
    const previously = str(ctx.after.previously);
    return sentence(ctx.actor, ` sent ${type ? `the ${type} event` : "an event"} again to the webhook${where(ctx.after)}${PREVIOUSLY[previously] ?? ""}`);
  },
} satisfies SentenceMap;
