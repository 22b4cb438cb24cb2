// What the audit trail keeps of a webhook: where it points (shortened, see displayUrl), what it
// receives and in which format. Never the secret, never the full URL.
import { displayUrl } from "./schemas";

type WebhookFacts = { url: string; format: string; events: readonly string[]; enabled: boolean; description: string; team: { slug: string } | null };

export function webhookSnapshot(webhook: WebhookFacts) {
  const scope = webhook.team ? `team ${webhook.team.slug}` : "the organisation";
  return {
    label: `Webhook of ${scope} to ${displayUrl(webhook.url)}`,
    scope,
    url: displayUrl(webhook.url),
    format: webhook.format === "SLACK" ? "Slack" : "Standard Webhooks",
    events: [...webhook.events],
    enabled: webhook.enabled,
    description: webhook.description,
  };
}
