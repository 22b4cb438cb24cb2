// The bytes a webhook receives. Standard format: the Standard Webhooks envelope
// `{ "type", "timestamp", "data" }` with the event's payload as data. Slack format: a Block Kit
// message (`text` for notifications, `blocks` for the channel) that an incoming-webhook URL accepts.
// The body is fixed when the delivery is created, so every attempt and "send again" send the same bytes.
import { summariseEvent } from "./event-summary";

export type WebhookFormatName = "STANDARD" | "SLACK";
export type EventForWebhook = { id: string; type: string; payload: unknown; occurredAt: Date };

export function standardBody(event: EventForWebhook): string {
  return JSON.stringify({ type: event.type, timestamp: event.occurredAt.toISOString(), data: event.payload });
}

/** Slack's mrkdwn treats &, < and > as markup (links, mentions): escape them in our text. */
export const slackEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Slack refuses a section text over 3,000 characters. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function slackBody(event: EventForWebhook, portalUrl: (path: string) => string): string {
  const summary = summariseEvent(event.type, event.payload);
  const link = summary.href ? portalUrl(summary.href) : null;
  const title = slackEscape(summary.title);
  const lines = [`*${link ? `<${link}|${title}>` : title}*`, ...(summary.detail ? [slackEscape(summary.detail)] : [])];
  const blocks = [
    { type: "section", text: { type: "mrkdwn", text: clip(lines.join("\n"), 3000) } },
    { type: "context", elements: [{ type: "mrkdwn", text: clip(`Runwell · \`${slackEscape(event.type)}\` · ${event.occurredAt.toISOString().slice(0, 16).replace("T", " ")} UTC`, 3000) }] },
  ];
  return JSON.stringify({ text: clip(slackEscape(summary.title + (summary.detail ? ` — ${summary.detail}` : "")), 3000), blocks });
}

export function webhookBody(format: WebhookFormatName, event: EventForWebhook, portalUrl: (path: string) => string): string {
  return format === "SLACK" ? slackBody(event, portalUrl) : standardBody(event);
}
