// The OpenAPI 3.1 document of API v1, generated from the same zod schemas that validate requests
// (zod 4's native JSON Schema output is draft 2020-12, which OpenAPI 3.1 uses as is).
import { z } from "zod";
import { backlogOpenApi } from "../backlog/api/openapi-backlog";
import { incidentOpenApi } from "../incidents/api/openapi-incidents";
import { reviewOpenApi } from "../reviews/api/openapi-reviews";
import { ZListDeploymentsQuery, ZReportDeployment, ZReportHealthCheck, API_STATUSES } from "../deployments/schemas";
import { ZGateRequest } from "../changes/schemas";
import { TOKEN_SCOPES } from "../tokens/schemas";

const toSchema = (schema: z.ZodType, io: "input" | "output" = "input") => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
};

const ZError = z.object({
  error: z.object({
    code: z.enum(["BAD_REQUEST", "VALIDATION", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "PAYLOAD_TOO_LARGE", "RATE_LIMITED", "INTERNAL"]),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional().describe("Field path (e.g. commits.0.sha) → what is wrong with it."),
    requestId: z.string().optional(),
  }),
});

const ZDeploymentResult = z.object({
  id: z.string(),
  status: z.enum(API_STATUSES),
  isRollback: z.boolean().describe("True when this deployment put back a version that ran before the one it replaces."),
  replacesId: z.string().nullable(),
});

const ZDeployment = z.object({
  id: z.string(),
  service: z.string(),
  environment: z.string(),
  version: z.string(),
  externalId: z.string(),
  status: z.enum(API_STATUSES),
  startedAt: z.string().meta({ format: "date-time" }),
  finishedAt: z.string().meta({ format: "date-time" }).nullable(),
  deployer: z.string().nullable(),
  pipelineUrl: z.string().nullable(),
  isRollback: z.boolean(),
  replacesId: z.string().nullable(),
});

const ZHealthCheck = z.object({
  id: z.string(),
  deploymentId: z.string(),
  name: z.string(),
  status: z.enum(["pass", "fail"]),
  details: z.string().nullable(),
  checkedAt: z.string().meta({ format: "date-time" }),
});

const ZAuditExportEvent = z.object({
  seq: z.string().nullable().describe("Position in the hash chain (a decimal string: it can exceed 2^53)."),
  id: z.string(),
  occurredAt: z.string().meta({ format: "date-time" }),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  actorKind: z.enum(["PERSON", "TOKEN", "CLI", "SYSTEM"]),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().describe("The entity before the change (null for a creation)."),
  after: z.unknown().describe("The entity after the change."),
  prevHash: z.string().nullable(),
  hash: z.string().nullable().describe("SHA-256 of the RFC 8785 canonical JSON of the event and prevHash."),
  sealedAt: z.string().meta({ format: "date-time" }).nullable(),
  sentence: z.string().describe("The event in words, as the audit page says it, with the current names of what it mentions."),
});

const ZGateAnswer = z.object({
  decision: z.enum(["allow", "deny"]),
  changeType: z.enum(["STANDARD", "NORMAL", "EMERGENCY"]).nullable(),
  changeRequestId: z.string().nullable(),
  reasons: z.array(z.object({ rule: z.string(), passed: z.boolean(), message: z.string() })),
  url: z.string().meta({ description: "The change request, or where to raise one when denied." }),
});

const json = (ref: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } });
/** Every operation can answer 429: tokens are limited per minute (lib/http/rate-limit.ts). */
const errors = (...statuses: number[]) =>
  Object.fromEntries([...statuses, 429].map((status) => [String(status), { description: ERROR_TEXT[status], content: json("Error") }]));
const ERROR_TEXT: Record<number, string> = {
  400: "The body is not JSON.",
  401: "No token, or an invalid, expired or revoked one.",
  403: "The token lacks the scope, or acts for another service.",
  404: "No such deployment.",
  409: "An impossible status change (e.g. succeeded → started), or the run id belongs to another version.",
  413: "The JSON body is larger than 1 MB.",
  422: "Invalid input; `fields` names each field. Nothing was written.",
  429: "The token sent more requests this minute than it may (6,000 by default); wait Retry-After seconds.",
};

export function openApiDocument(serverUrl = "/") {
  const incidents = incidentOpenApi({ json, errors, toSchema });
  const reviews = reviewOpenApi({ json, errors, toSchema });
  const backlog = backlogOpenApi({ json, errors, toSchema });
  const query = toSchema(ZListDeploymentsQuery) as { properties: Record<string, object> };
  return {
    openapi: "3.1.0",
    info: {
      title: "Runwell API",
      version: "1",
      description:
        "For pipelines, alerting tools and bots. Authenticate with `Authorization: Bearer rw_…` (a service's API token) " +
        `or a portal session. Token scopes: ${TOKEN_SCOPES.join(", ")}.`,
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    paths: {
      "/api/v1/deployments": {
        post: {
          operationId: "reportDeployment",
          summary: "Report a deployment (idempotent by service and externalId)",
          description:
            "Send it when the deployment starts and again when it finishes. The first report creates the deployment (201); " +
            "a replay or a status update returns the same id (200). Needs the `deployments:write` scope on the service's own token. " +
            "`hypothesis` (\"HYP-12\" or an id) links a production release to one of the service's outcome hypotheses; an unknown one or another service's is 422 and nothing is written.",
          requestBody: { required: true, content: json("DeploymentReport") },
          responses: {
            "201": { description: "Created.", content: json("DeploymentResult") },
            "200": { description: "Replayed or updated: the same id.", content: json("DeploymentResult") },
            ...errors(400, 401, 403, 409, 413, 422),
          },
        },
        get: {
          operationId: "listDeployments",
          summary: "List deployments, newest first",
          description: "A service token (scope `deployments:write`) sees its own service only.",
          parameters: Object.entries(query.properties).map(([name, schema]) => ({ name, in: "query", required: false, schema })),
          responses: {
            "200": { description: "Deployments.", content: { "application/json": { schema: { type: "array", items: { $ref: "#/components/schemas/Deployment" } } } } },
            ...errors(401, 403, 422),
          },
        },
      },
      "/api/v1/deployments/{id}/health-checks": {
        post: {
          operationId: "reportHealthCheck",
          summary: "Report a post-deployment health check",
          description: "Needs the `health:write` scope on the deployment's service token.",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" }, description: "The id returned when the deployment was reported." }],
          requestBody: { required: true, content: json("HealthCheckReport") },
          responses: { "201": { description: "Recorded.", content: json("HealthCheck") }, ...errors(400, 401, 403, 404, 413, 422) },
        },
      },
      "/api/v1/audit/export": {
        get: {
          operationId: "exportAuditEvents",
          summary: "Export the audit trail as CSV or JSON (streamed)",
          description:
            "Change manager or admin session, or a token with the `audit:read` scope (a service's token exports its own " +
            "service's events only). Events with " +
            "occurredAt in [from, to), oldest first, each with seq, prevHash and hash so the chain can be verified offline " +
            "(docs/API.md). The body streams; a million events download with flat server memory. The page's filters " +
            "(entityType, entityId, actor, action, service, team) narrow it further.",
          parameters: [
            { name: "format", in: "query", required: false, schema: { type: "string", enum: ["csv", "json"], default: "csv" } },
            { name: "from", in: "query", required: false, description: "ISO 8601, inclusive.", schema: { type: "string", format: "date-time" } },
            { name: "to", in: "query", required: false, description: "ISO 8601, exclusive.", schema: { type: "string", format: "date-time" } },
            ...["entityType", "entityId", "actor", "action", "service", "team"].map((name) => ({ name, in: "query", required: false, schema: { type: "string" } })),
          ],
          responses: {
            "200": {
              description: "The events, as an attachment (Content-Disposition names the file).",
              content: {
                "text/csv": { schema: { type: "string" } },
                "application/json": { schema: { type: "array", items: { $ref: "#/components/schemas/AuditExportEvent" } } },
              },
            },
            "400": { description: "A bad query parameter; `fields` names it.", content: json("Error") },
            ...errors(401, 403),
          },
        },
      },
      "/api/v1/changes/gate": {
        post: {
          operationId: "gateDecision",
          summary: "Ask the deployment gate whether a version may be deployed",
          description:
            "Call it before deploying. An eligible deployment pattern allows (a standard change is recorded automatically); " +
            "an approved normal or emergency change for exactly this version allows; a freeze window denies everything but " +
            "emergency changes; otherwise deny, with the reasons and a link to raise a change. Non-production environments " +
            "need no change. Always 200 with the decision; the pipeline should stop on `deny`. Needs the `gate:read` scope " +
            "on the service's own token. `commits` takes the same list as the deployment report (commit objects) or bare shas.",
          requestBody: { required: true, content: json("GateRequest") },
          responses: { "200": { description: "The decision, with a reason per rule.", content: json("GateAnswer") }, ...errors(400, 401, 403, 413, 422) },
        },
      },
      "/api/v1/changes/{id}/evidence": {
        get: {
          operationId: "changeEvidencePack",
          summary: "Download a change's evidence pack",
          description:
            "Commits, approvals, gate decisions, deployer, health checks, linked incidents and every audit event about the change, " +
            "its deployments and gate decisions (with chain positions). Change managers and admins, or a token with `audit:read`.",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" }, description: "The change request id." },
            { name: "format", in: "query", required: false, schema: { type: "string", enum: ["json", "md"], default: "json" } },
          ],
          responses: { "200": { description: "The evidence pack as a JSON or Markdown attachment." }, ...errors(401, 403, 404, 422) },
        },
      },
      "/api/v1/services": {
        get: {
          operationId: "listServices",
          summary: "The service catalogue",
          description: "A service's token sees its own service; with `catalog:read` it sees every service.",
          responses: { "200": { description: "Services (archived excluded)." }, ...errors(401) },
        },
      },
      "/api/v1/services/{slug}/oncall": {
        get: {
          operationId: "whoIsOnCall",
          summary: "Who is on call for a service now",
          description:
            "The cover that applies now (working hours or out of hours, by the service's target), the primary and secondary, until when, and who is next. " +
            "A session, or a token with `oncall:read` for its own service (every service with `catalog:read`); another service's slug and an unknown one are answered alike.",
          parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" }, description: "The service's slug." }],
          responses: { "200": { description: "Who to page." }, ...errors(401, 403, 404) },
        },
      },
      "/api/v1/services/{slug}/availability": {
        get: {
          operationId: "serviceAvailability",
          summary: "A service's availability against its target, error budget and burn rates",
          description:
            "Time-based availability over the last `days` (1–90, default 28) from the impact windows of the incidents affecting the service (overlaps counted once), " +
            "held to the target in force over each stretch of the period: `availability` and `target` in percent, the error budget and what is used and left in minutes, " +
            "burn rates over 1 h, 6 h and 3 days (null without a budget), time to restore (p50 and max minutes of the losses restored in the period, null for none) and the incidents. " +
            "A session, or a token with `incidents:read` for its own service (every service with `catalog:read`); another service's slug and an unknown one are answered alike.",
          parameters: [
            { name: "slug", in: "path", required: true, schema: { type: "string" }, description: "The service's slug." },
            { name: "days", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 90, default: 28 }, description: "The period, in days ending now." },
          ],
          responses: { "200": { description: "Availability, budget, burn rates, time to restore and incidents." }, ...errors(401, 403, 404, 422) },
        },
      },
      "/api/v1/runbooks/lookup": {
        get: {
          operationId: "lookUpRunbook",
          summary: "The runbook linked to an alert of a service",
          description: "For alerting tools: `{ title, url }` of the runbook whose linked alerts name the alert. A session, or a token with `runbooks:read`.",
          parameters: [
            { name: "service", in: "query", required: true, schema: { type: "string" }, description: "The service's slug." },
            { name: "alert", in: "query", required: true, schema: { type: "string" }, description: "The alert's name." },
          ],
          responses: { "200": { description: "The runbook's title and URL." }, ...errors(401, 403, 404, 422) },
        },
      },
      "/api/v1/audit/events/{id}": {
        get: {
          operationId: "getAuditEvent",
          summary: "One audit event as recorded",
          description:
            "The event's before and after JSON, actor, chain position (`seq`), `prevHash`, `hash` and `sealedAt`: what the audit table's " +
            "\"Raw event\" shows when opened. Change managers and admins (a session); tokens are refused.",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" }, description: "The audit event's id." }],
          responses: { "200": { description: "The event." }, ...errors(400, 401, 403, 404) },
        },
      },
      "/api/v1/audit/verify": {
        get: {
          operationId: "verifyAuditChain",
          summary: "Verify the audit chain",
          description: "Re-hashes the chain (or, with `mode=incremental`, the events sealed since the newest intact check). Change managers and admins (a session).",
          parameters: [{ name: "mode", in: "query", required: false, schema: { type: "string", enum: ["full", "incremental"], default: "full" } }],
          responses: { "200": { description: "Whether the chain is intact, how far, and the first broken event." }, ...errors(401, 403) },
        },
      },
      ...incidents.paths,
      ...reviews.paths,
      ...backlog.paths,
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A Runwell API token (rw_…)." } },
      schemas: {
        DeploymentReport: toSchema(ZReportDeployment),
        DeploymentResult: toSchema(ZDeploymentResult, "output"),
        Deployment: toSchema(ZDeployment, "output"),
        HealthCheckReport: toSchema(ZReportHealthCheck),
        HealthCheck: toSchema(ZHealthCheck, "output"),
        GateRequest: toSchema(ZGateRequest),
        GateAnswer: toSchema(ZGateAnswer, "output"),
        Error: toSchema(ZError, "output"),
        AuditExportEvent: toSchema(ZAuditExportEvent, "output"),
        ...incidents.schemas,
        ...reviews.schemas,
        ...backlog.schemas,
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
