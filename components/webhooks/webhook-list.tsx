import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { DeliveryRow, WebhookRow } from "@/lib/webhooks/queries";

type Props = {
  webhooks: WebhookRow[];
  /** The buttons of a webhook (send a test event, turn off, remove), made by the page with bound actions. */
  controls: (webhook: WebhookRow) => ReactNode;
  /** "Send again" for a delivery. */
  resend: (webhook: WebhookRow, delivery: DeliveryRow) => ReactNode;
};

const STATUS: Record<DeliveryRow["status"], { label: string; tone: "success" | "warning" | "danger" }> = {
  DELIVERED: { label: "Delivered", tone: "success" },
  PENDING: { label: "Retrying", tone: "warning" },
  FAILED: { label: "Given up", tone: "danger" },
};

function statusOf(delivery: DeliveryRow) {
  return delivery.status === "PENDING" && delivery.attempts === 0 ? { label: "Queued", tone: "warning" as const } : STATUS[delivery.status];
}

function Deliveries({ webhook, resend }: { webhook: WebhookRow; resend: Props["resend"] }) {
  if (webhook.deliveries.length === 0) return <CardContent><p className="text-sm text-fg-muted">Nothing delivered yet. Send a test event to try it.</p></CardContent>;
  return (
    <Table caption={`Latest deliveries to ${webhook.url}`} captionHidden framed={false}>
      <THead>
        <TR><TH>Event</TH><TH>Status</TH><TH>HTTP</TH><TH>Took</TH><TH>Attempts</TH><TH>When</TH><TH>Next attempt or error</TH><TH><span className="sr-only">Action</span></TH></TR>
      </THead>
      <TBody>
        {webhook.deliveries.map((delivery) => {
          const status = statusOf(delivery);
          return (
            <TR key={delivery.id} data-event-id={delivery.eventId}>
              <TD className="font-mono text-xs">{delivery.eventType}</TD>
              <TD><Badge tone={status.tone}>{status.label}</Badge></TD>
              <TD>{delivery.lastStatusCode ?? "—"}</TD>
              <TD>{delivery.lastDurationMs === null ? "—" : `${delivery.lastDurationMs} ms`}</TD>
              <TD>{delivery.attempts}</TD>
              <TD><DateTime value={delivery.lastAttemptAt ?? delivery.createdAt} /></TD>
              <TD className="max-w-xs break-words text-sm">
                {delivery.status === "PENDING" && delivery.nextAttemptAt ? <>Next try <DateTime value={delivery.nextAttemptAt} /></> : null}
                {delivery.lastError ? <div className="text-fg-muted">{delivery.lastError}</div> : null}
              </TD>
              <TD>{delivery.status === "PENDING" ? null : resend(webhook, delivery)}</TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}

/** Each webhook with its controls and its latest deliveries. */
export function WebhookList({ webhooks, controls, resend }: Props) {
  return (
    <div className="space-y-6">
      {webhooks.map((webhook) => (
        <Card key={webhook.id} aria-labelledby={`webhook-${webhook.id}`}>
          <CardHeader
            titleId={`webhook-${webhook.id}`}
            title={<span className="font-mono text-sm">{webhook.url}</span>}
            description={
              <span className="flex flex-wrap items-center gap-2">
                <Badge tone={webhook.enabled ? "success" : "neutral"}>{webhook.enabled ? "On" : "Off"}</Badge>
                <Badge tone="info">{webhook.format === "SLACK" ? "Slack" : "Standard Webhooks"}</Badge>
                {webhook.description ? <span>{webhook.description}</span> : null}
                <span className="text-fg-muted">Added <DateTime value={webhook.createdAt} /></span>
              </span>
            }
            actions={<div className="flex flex-wrap items-start gap-2">{controls(webhook)}</div>}
          />
          <CardContent className="text-sm">
            <span className="font-medium">Events: </span>
            {webhook.events.map((type) => <code key={type} className="mr-2 text-xs">{type}</code>)}
          </CardContent>
          <Deliveries webhook={webhook} resend={resend} />
        </Card>
      ))}
    </div>
  );
}
