// Input schemas of the incident use cases (portal forms, the CLI and the incident API).
import { z } from "zod";
import type { MoneyUnit } from "../money/currency";
import { wholeAmount } from "../money/amount-schema";
import { safeInstant } from "../validation/instant";
import { safeId, safeText } from "../validation/text";

export const IMPACT_VALUES = ["HIGH", "MEDIUM", "LOW"] as const;
export const ROLE_VALUES = ["COMMANDER", "COMMUNICATIONS", "RESPONDER"] as const;

const slug = safeText({ message: "Name the service by its slug." }).trim().min(1, "Name the service by its slug.").max(100, "At most 100 characters.");
const title = safeText({ message: "Say what is wrong in a line." }).trim().min(3, "Say what is wrong in a line (at least 3 characters).").max(200, "At most 200 characters.");
const reason = (what: string) => safeText({ message: `Say why ${what}.` }).trim().min(3, `Say why ${what} (at least 3 characters).`).max(2000, "At most 2,000 characters.");
const impact = z.enum(IMPACT_VALUES, { message: "Impact is HIGH, MEDIUM or LOW." });
/** Empty form fields arrive as "": treat them as not given. */
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** Declaring an incident in the portal: the services by slug (the first responds), and the impact or the loss it is chosen from. */
export const declareIncidentSchema = (unit: MoneyUnit) =>
  z
    .object({
      services: z
        .array(slug)
        .min(1, "Pick the affected service.")
        .max(20, "At most 20 services.")
        .transform((slugs) => [...new Set(slugs)]),
      title,
      summary: safeText().trim().max(10_000, "At most 10,000 characters.").default(""),
      lossPerHour: z.preprocess(blankToUndefined, wholeAmount(unit).optional()),
      impact: z.preprocess(blankToUndefined, impact.optional()),
    })
    .superRefine((value, ctx) => {
      if (value.impact === undefined && value.lossPerHour === undefined) {
        ctx.addIssue({ code: "custom", path: ["lossPerHour"], message: "Estimate the loss per hour, or choose the impact." });
      }
    });
export type TDeclareIncident = z.input<ReturnType<typeof declareIncidentSchema>>;

export const STATUS_ACTIONS = ["acknowledge", "mitigate", "resolve", "close", "reopen"] as const;
export const ZChangeIncidentStatus = z.object({
  incidentId: safeId("Name the incident."),
  action: z.enum(STATUS_ACTIONS, { message: `Action is one of: ${STATUS_ACTIONS.join(", ")}.` }),
  note: safeText().trim().max(2000, "At most 2,000 characters.").default(""),
});

export const ZAddIncidentUpdate = z.object({
  incidentId: safeId("Name the incident."),
  message: safeText({ message: "Write the update." }).trim().min(1, "Write the update.").max(10_000, "At most 10,000 characters."),
});

export const reviseImpactSchema = (unit: MoneyUnit) =>
  z
    .object({
      incidentId: safeId("Name the incident."),
      lossPerHour: z.preprocess(blankToUndefined, wholeAmount(unit).optional()),
      impact: z.preprocess(blankToUndefined, impact.optional()),
      reason: reason("the impact changes"),
    })
    .superRefine((value, ctx) => {
      if (value.impact === undefined && value.lossPerHour === undefined) {
        ctx.addIssue({ code: "custom", path: ["impact"], message: "Choose the new impact, or estimate the loss per hour." });
      }
    });

export const ZReassignIncident = z.object({
  incidentId: safeId("Name the incident."),
  service: slug,
  reason: reason("this service is the cause"),
});

export const ZAssignIncidentRole = z.object({
  incidentId: safeId("Name the incident."),
  personId: safeId("Pick a person."),
  role: z.enum(ROLE_VALUES, { message: "Role is commander, communications or responder." }),
  remove: z.preprocess((value) => value === true || value === "true" || value === "on", z.boolean()).default(false),
});

export const ZEditAvailabilityWindow = z
  .object({
    incidentId: safeId("Name the incident."),
    lostAt: safeInstant("Give when availability was lost, e.g. 2026-11-26T10:00:00Z."),
    regainedAt: z.preprocess(blankToUndefined, safeInstant("Give when availability was regained, e.g. 2026-11-26T10:40:00Z.").optional()),
    reason: reason("the window changes"),
  })
  .superRefine((value, ctx) => {
    if (value.regainedAt && Date.parse(value.regainedAt) <= Date.parse(value.lostAt)) {
      ctx.addIssue({ code: "custom", path: ["regainedAt"], message: "Availability is regained after it was lost." });
    }
  });

export const ZConfirmCause = z.object({
  incidentId: safeId("Name the incident."),
  /** null: "none of these". */
  deploymentId: z.preprocess(blankToUndefined, safeId("Pick a deployment.").optional()),
});

export const API_INCIDENT_STATUSES = ["triggered", "acknowledged", "resolved"] as const;

/** POST /api/v1/incidents: idempotent by (service, externalId), like deployments. */
export const ZReportIncident = z
  .object({
    service: slug,
    externalId: safeText({ message: "Give your own id for the incident, so replays and updates land on the same one." })
      .trim()
      .min(1, "Give your own id for the incident, so replays and updates land on the same one.")
      .max(200, "At most 200 characters."),
    title,
    impact: impact.optional(),
    status: z.enum(API_INCIDENT_STATUSES, { message: `Status is one of: ${API_INCIDENT_STATUSES.join(", ")}.` }),
    startedAt: safeInstant("startedAt must be an ISO 8601 date-time, e.g. 2026-11-26T10:00:00Z."),
    resolvedAt: safeInstant("resolvedAt must be an ISO 8601 date-time, e.g. 2026-11-26T10:40:00Z.").optional(),
    deploymentId: safeId("Give the deployment's id as Runwell returned it.", 200).optional(),
    details: safeText().max(10_000, "At most 10,000 characters.").optional(),
  })
  .superRefine((value, ctx) => {
    if (value.resolvedAt && Date.parse(value.resolvedAt) < Date.parse(value.startedAt)) {
      ctx.addIssue({ code: "custom", path: ["resolvedAt"], message: "resolvedAt cannot be before startedAt." });
    }
    if (value.resolvedAt && value.status !== "resolved") {
      ctx.addIssue({ code: "custom", path: ["resolvedAt"], message: 'resolvedAt goes with status "resolved".' });
    }
  });
export type TReportIncident = z.input<typeof ZReportIncident>;

export const ZIncidentListQuery = z.object({
  service: slug.optional(),
  status: z.enum(["open", "triggered", "acknowledged", "mitigated", "resolved", "closed"], { message: "Status is open, triggered, acknowledged, mitigated, resolved or closed." }).optional(),
  limit: z.coerce.number({ message: "limit is a whole number from 1 to 200." }).int("limit is a whole number from 1 to 200.").min(1, "limit is a whole number from 1 to 200.").max(200, "limit is a whole number from 1 to 200.").default(50),
  cursor: safeText().max(200, "That cursor is not one Runwell gave out.").optional(),
});

/** The incidents page's filters, from the URL: anything unreadable is simply not applied. */
export const ZIncidentPageFilters = z.object({
  status: z.enum(["open", "past", "triggered", "acknowledged", "mitigated", "resolved", "closed"]).optional().catch(undefined),
  impact: z.enum(IMPACT_VALUES).optional().catch(undefined),
  team: safeText().trim().max(100).optional().catch(undefined),
  service: safeText().trim().max(100).optional().catch(undefined),
  q: safeText().trim().max(200).optional().catch(undefined),
});
