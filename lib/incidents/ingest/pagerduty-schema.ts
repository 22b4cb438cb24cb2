// PagerDuty Events API v2 alert events (POST https://events.pagerduty.com/v2/enqueue), as PagerDuty
// documents them: https://developer.pagerduty.com/docs/events-api-v2/trigger-events/ . Runwell takes
// the same body; routing_key is a Runwell service token instead of a PagerDuty integration key.
import { z } from "zod";
import { safeText } from "../../validation/text";
import { linkUrl, storableJson, toolInstant } from "./wire-fields";

export const PD_SEVERITIES = ["critical", "error", "warning", "info"] as const;
export const PD_ACTIONS = ["trigger", "acknowledge", "resolve"] as const;

const missing = (field: string) => `'${field}' is missing or blank`;
const text = (field: string, max: number) =>
  safeText({ message: missing(field) }).trim().min(1, missing(field)).max(max, `'${field}' is longer than ${max} characters`);
const optionalText = (field: string, max: number) => safeText({ message: `'${field}' must be text` }).max(max, `'${field}' is longer than ${max} characters`).optional();

const ZPayload = z.object(
  {
    summary: text("payload.summary", 1024),
    source: text("payload.source", 255),
    severity: z.enum(PD_SEVERITIES, { message: `'payload.severity' must be one of ${PD_SEVERITIES.join(", ")}` }),
    timestamp: toolInstant("'payload.timestamp' must be an ISO 8601 date-time").optional(),
    component: optionalText("payload.component", 255),
    group: optionalText("payload.group", 255),
    class: optionalText("payload.class", 255),
    custom_details: storableJson.optional(),
  },
  { message: missing("payload") },
);

export const ZPagerDutyEvent = z
  .object({
    routing_key: text("routing_key", 200),
    event_action: z.enum(PD_ACTIONS, { message: `'event_action' must be one of ${PD_ACTIONS.join(", ")}` }),
    dedup_key: safeText({ message: "'dedup_key' must be text" }).trim().max(255, "'dedup_key' is longer than 255 characters").optional(),
    payload: ZPayload.optional(),
    client: optionalText("client", 255),
    client_url: linkUrl("'client_url' must be an http(s) link").optional(),
    images: z
      .array(z.object({ src: linkUrl("'src' must be an http(s) link"), href: linkUrl("'href' must be an http(s) link").optional(), alt: optionalText("alt", 255) }), { message: "'images' must be a list" })
      .max(50, "at most 50 images")
      .default([]),
    links: z
      .array(z.object({ href: linkUrl("'href' must be an http(s) link"), text: optionalText("text", 255) }), { message: "'links' must be a list" })
      .max(50, "at most 50 links")
      .default([]),
  })
  .superRefine((event, ctx) => {
    if (event.event_action === "trigger" && !event.payload) ctx.addIssue({ code: "custom", path: ["payload"], message: missing("payload") });
    if (event.event_action !== "trigger" && !event.dedup_key) ctx.addIssue({ code: "custom", path: ["dedup_key"], message: `${missing("dedup_key")}: ${event.event_action} needs the key of the alert` });
  });

export type TPagerDutyEvent = z.output<typeof ZPagerDutyEvent>;
