// The incident API and the alert integrations in the OpenAPI document (lib/api/openapi.ts merges these).
import { z } from "zod";
import { ZAlertmanagerPayload } from "../ingest/alertmanager-schema";
import { ZPagerDutyEvent } from "../ingest/pagerduty-schema";
import { ZIncidentListQuery, ZReportIncident } from "../schemas";

type Content = Record<string, unknown>;
type Helpers = {
  json: (ref: string) => Content;
  errors: (...statuses: number[]) => Record<string, unknown>;
  toSchema: (schema: z.ZodType, io?: "input" | "output") => Record<string, unknown>;
};

const ZIncident = z.object({
  id: z.string(), number: z.number().int(), service: z.string(), title: z.string(),
  status: z.enum(["triggered", "acknowledged", "mitigated", "resolved", "closed"]),
  impact: z.enum(["HIGH", "MEDIUM", "LOW"]), source: z.enum(["portal", "api", "alertmanager", "pagerduty"]),
  startedAt: z.string(), acknowledgedAt: z.string().nullable(), mitigatedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(), closedAt: z.string().nullable(), externalId: z.string().nullable(), url: z.string(),
});
const ZIncidentPage = z.object({ incidents: z.array(ZIncident), next: z.string().nullable() });
const ZPagerDutyAnswer = z.object({ status: z.string(), message: z.string(), dedup_key: z.string().optional(), errors: z.array(z.string()).optional() });

export function incidentOpenApi({ json, errors, toSchema }: Helpers) {
  const query = toSchema(ZIncidentListQuery) as { properties: Record<string, object> };
  const paths = {
    "/api/v1/incidents": {
      post: {
        operationId: "reportIncident",
        summary: "Report an incident (idempotent by service and externalId)",
        description:
          "The first report opens the incident (201) and pages the service's responders; a replay or a status update returns the same id (200). " +
          "Status moves forward only (409 with a `status` field error otherwise); `triggered` after `resolved` reopens it. Without `impact`, the service's " +
          "impact for an error alert (MEDIUM unless the service says otherwise). Needs `incidents:write` on the service's own token.",
        requestBody: { required: true, content: json("IncidentReport") },
        responses: {
          "201": { description: "Opened.", content: json("Incident") },
          "200": { description: "Replayed or updated: the same id.", content: json("Incident") },
          ...errors(400, 401, 403, 409, 413, 422),
        },
      },
      get: {
        operationId: "listIncidents",
        summary: "List incidents, newest first, keyset-paged",
        description: "A service token (scope `incidents:read`) sees the incidents that affect its own service. Pass `next` back as `cursor` for the next page.",
        parameters: Object.entries(query.properties).map(([name, schema]) => ({ name, in: "query", required: false, schema })),
        responses: { "200": { description: "A page of incidents.", content: json("IncidentPage") }, ...errors(401, 403, 422) },
      },
    },
    "/api/v1/incidents/{id}": {
      get: {
        operationId: "getIncident",
        summary: "One incident, with its services and timeline",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "The incident.", content: json("Incident") }, ...errors(401, 403, 404, 422) },
      },
    },
    "/api/v1/integrations/alertmanager": {
      post: {
        operationId: "alertmanagerWebhook",
        summary: "Prometheus Alertmanager webhook receiver (payload version 4)",
        description:
          "Point an Alertmanager `webhook_configs` receiver here with the service's token in `http_config.authorization` (scope `incidents:write`); " +
          "a caller not bound to one service adds `?service=<slug>`. One incident per groupKey while open; alerts by fingerprint; the incident resolves " +
          "when every alert has. docs/INTEGRATIONS.md.",
        parameters: [{ name: "service", in: "query", required: false, schema: { type: "string" }, description: "The service's slug; a service token's own by default." }],
        requestBody: { required: true, content: json("AlertmanagerPayload") },
        responses: { "200": { description: "What the delivery did (opened, updated, resolved, unchanged, ignored) and the incident." }, ...errors(400, 401, 403, 413, 422) },
      },
    },
    "/api/v1/integrations/pagerduty/enqueue": {
      post: {
        operationId: "pagerDutyEnqueue",
        summary: "PagerDuty Events API v2 enqueue (alert events)",
        description:
          "The body PagerDuty's Events API v2 takes, with the service's Runwell token as `routing_key` (no Authorization header). " +
          "Answers as PagerDuty does: 202 `{ status: \"success\", message: \"Event processed\", dedup_key }`, 400 `{ status: \"invalid event\", message, errors }`. docs/INTEGRATIONS.md.",
        security: [],
        requestBody: { required: true, content: json("PagerDutyEvent") },
        responses: {
          "202": { description: "Event processed.", content: json("PagerDutyAnswer") },
          "400": { description: "Invalid event; `errors` lists each problem. Nothing was written.", content: json("PagerDutyAnswer") },
          "401": { description: "No routing_key, or not a valid, unexpired and unrevoked token.", content: json("PagerDutyAnswer") },
          "403": { description: "The token lacks `incidents:write`.", content: json("PagerDutyAnswer") },
          "413": { description: "The JSON body is larger than 1 MB.", content: json("PagerDutyAnswer") },
          "429": { description: "The token sent more requests this minute than it may.", content: json("PagerDutyAnswer") },
        },
      },
    },
  };
  const schemas = {
    IncidentReport: toSchema(ZReportIncident),
    Incident: toSchema(ZIncident, "output"),
    IncidentPage: toSchema(ZIncidentPage, "output"),
    AlertmanagerPayload: toSchema(ZAlertmanagerPayload),
    PagerDutyEvent: toSchema(ZPagerDutyEvent),
    PagerDutyAnswer: toSchema(ZPagerDutyAnswer, "output"),
  };
  return { paths, schemas };
}
