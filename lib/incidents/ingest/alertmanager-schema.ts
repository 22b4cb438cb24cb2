// Prometheus Alertmanager's webhook payload, version 4, as Alertmanager sends it (fields and meaning:
// https://prometheus.io/docs/alerting/latest/configuration/#webhook_config). Unknown fields are
// ignored, as a receiver of a versioned format should; what Runwell reads is checked strictly.
import { z } from "zod";
import { safeText } from "../../validation/text";
import { labelMap, linkUrl, toolInstant } from "./wire-fields";

/** Alertmanager's own max_alerts is unbounded by default; the 1 MB body limit comes first in practice. */
export const MAX_ALERTS = 5000;

const labels = labelMap("label", 10_000);
const annotations = labelMap("annotation", 20_000);

const ZAlert = z.object({
  status: z.enum(["firing", "resolved"], { message: 'An alert\'s status is "firing" or "resolved".' }),
  labels,
  annotations: annotations.default({}),
  startsAt: toolInstant("startsAt must be an RFC 3339 date-time, e.g. 2026-12-03T10:00:00Z."),
  endsAt: toolInstant("endsAt must be an RFC 3339 date-time, e.g. 2026-12-03T10:40:00Z.").optional(),
  generatorURL: linkUrl("generatorURL must be an http(s) link.").optional(),
  /** Since Alertmanager 0.19; an older sender's alerts are told apart by their labels instead. */
  fingerprint: safeText({ message: "fingerprint is text." }).trim().min(1, "fingerprint is text.").max(200, "At most 200 characters.").optional(),
});

export const ZAlertmanagerPayload = z.object({
  version: z.literal("4", { message: 'Runwell reads Alertmanager\'s webhook payload version "4".' }),
  groupKey: safeText({ message: "groupKey is the alert group's key." }).min(1, "groupKey is the alert group's key.").max(4000, "At most 4,000 characters."),
  truncatedAlerts: z.number({ message: "truncatedAlerts is a whole number." }).int("truncatedAlerts is a whole number.").min(0, "truncatedAlerts is a whole number.").default(0),
  status: z.enum(["firing", "resolved"], { message: 'status is "firing" or "resolved".' }),
  receiver: safeText().max(500, "At most 500 characters.").default(""),
  groupLabels: labels.default({}),
  commonLabels: labels.default({}),
  commonAnnotations: annotations.default({}),
  externalURL: linkUrl("externalURL must be an http(s) link.").optional(),
  alerts: z.array(ZAlert, { message: "alerts is a list." }).min(1, "The payload has no alerts.").max(MAX_ALERTS, `At most ${MAX_ALERTS.toLocaleString("en")} alerts in one payload.`),
});

export type TAlertmanagerPayload = z.output<typeof ZAlertmanagerPayload>;
export type TAlertmanagerAlert = TAlertmanagerPayload["alerts"][number];
