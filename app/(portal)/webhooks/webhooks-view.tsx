// The body both webhook pages share (the organisation's and a team's): the list with its bound
// actions, and the add form. The pages check access and load the rows.
import { AddWebhookForm } from "@/components/webhooks/add-webhook-form";
import { WebhookList } from "@/components/webhooks/webhook-list";
import { ActionForm } from "@/components/ui/action-form";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { EVENT_LABELS } from "@/lib/events/catalogue";
import type { WebhookRow } from "@/lib/webhooks/queries";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/schemas";
import { createWebhookAction, removeWebhookAction, resendDeliveryAction, sendTestEventAction, setWebhookEnabledAction } from "./actions";

const EVENTS = WEBHOOK_EVENT_TYPES.map((type) => ({ type, label: EVENT_LABELS[type] }));

export function WebhooksView({ webhooks, teamSlug }: { webhooks: WebhookRow[]; teamSlug: string | null }) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="lg:col-span-2">
        {webhooks.length ? (
          <WebhookList
            webhooks={webhooks}
            controls={(webhook) => (
              <>
                <ActionForm action={sendTestEventAction.bind(null, webhook.id)} submitLabel="Send a test event" submitSize="sm" submitVariant="secondary" submitAccessibleName={`Send a test event to ${webhook.url}`} className="space-y-1" />
                <ActionForm action={setWebhookEnabledAction.bind(null, webhook.id, !webhook.enabled)} submitLabel={webhook.enabled ? "Turn off" : "Turn on"} submitSize="sm" submitVariant="secondary" submitAccessibleName={`${webhook.enabled ? "Turn off" : "Turn on"} the webhook to ${webhook.url}`} className="space-y-1" />
                <ActionForm action={removeWebhookAction.bind(null, webhook.id)} submitLabel="Remove" submitSize="sm" submitVariant="danger" submitAccessibleName={`Remove the webhook to ${webhook.url}`} confirm={`Remove the webhook to ${webhook.url}? Its pending deliveries are given up.`} className="space-y-1" />
              </>
            )}
            resend={(webhook, delivery) => (
              <ActionForm action={resendDeliveryAction.bind(null, delivery.id)} submitLabel="Send again" submitSize="sm" submitVariant="secondary" submitAccessibleName={`Send ${delivery.eventType} to ${webhook.url} again`} className="space-y-1" />
            )}
          />
        ) : (
          <EmptyState title="No webhooks yet" description="Add one to send events to another tool: a signed Standard Webhooks POST, or a Slack incoming webhook." />
        )}
      </div>
      <Card aria-labelledby="new-webhook-title">
        <CardHeader titleId="new-webhook-title" title="Add a webhook" />
        <CardContent><AddWebhookForm action={createWebhookAction.bind(null, teamSlug)} events={EVENTS} /></CardContent>
      </Card>
    </div>
  );
}
