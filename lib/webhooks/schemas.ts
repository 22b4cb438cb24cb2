// What a webhook form, the CLI and the use cases accept. Receivers are reached over http(s) only.
// Private and loopback addresses are allowed on purpose: self-hosted Runwell posts to tools on the
// same network (and the tests to 127.0.0.1); docs/WEBHOOKS.md says so.
import { z } from "zod";
import { EVENT_TYPES, type EventType } from "../events/catalogue";
import { safeText } from "../validation/text";

/** Every event a webhook can subscribe to; the test event is sent on request, to one webhook. */
export const WEBHOOK_EVENT_TYPES = EVENT_TYPES.filter((type): type is Exclude<EventType, "webhook.test"> => type !== "webhook.test");
export const WEBHOOK_FORMATS = ["STANDARD", "SLACK"] as const;

const URL_MESSAGE = "Enter a full http:// or https:// URL.";

export const ZWebhookUrl = safeText({ message: URL_MESSAGE })
  .trim()
  .min(1, URL_MESSAGE)
  .max(2000, "Keep the URL under 2,000 characters.")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, URL_MESSAGE)
  .refine((value) => !/^[a-z]+:\/\/[^/]*@/i.test(value), "Leave user names and passwords out of the URL: the signature tells the receiver it is Runwell.");

const eventType = z.string().max(100).refine((value): value is (typeof WEBHOOK_EVENT_TYPES)[number] => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value), {
  message: "Pick events from the list.",
});

export const ZCreateWebhook = z.object({
  /** A team's slug, or null for the organisation's webhook. */
  team: safeText().trim().min(1).max(100).nullable(),
  url: ZWebhookUrl,
  events: z
    .array(eventType, { error: "Pick at least one event." })
    .min(1, "Pick at least one event.")
    .max(WEBHOOK_EVENT_TYPES.length * 2, "Pick events from the list.")
    .transform((types) => [...new Set(types)].sort()),
  format: z.enum(WEBHOOK_FORMATS, { error: "The format is standard or slack." }).default("STANDARD"),
  description: safeText().trim().max(200, "Keep the description under 200 characters.").default(""),
});
export type TCreateWebhook = z.input<typeof ZCreateWebhook>;

/**
 * The URL as Runwell shows and audits it: scheme, host and first path segment. A Slack incoming-webhook
 * URL is itself a credential (hooks.slack.com/services/T…/B…/secret), and others may carry tokens in
 * their path or query, so the rest never reaches the audit trail, a log or a page.
 */
export function displayUrl(value: string): string {
  try {
    const url = new URL(value);
    const [first, ...rest] = url.pathname.split("/").filter(Boolean);
    const path = first ? `/${first}${rest.length || url.search ? "/…" : ""}` : url.search ? "/…" : "";
    return `${url.protocol}//${url.host}${path}`;
  } catch {
    return "(not a URL)";
  }
}
