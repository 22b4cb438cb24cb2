// Every domain event Runwell emits, with the zod schema of its payload. A payload carries what its
// readers need (names, links, the people concerned) so that a notice or a webhook never reads the
// database again for it: the event says what was true when it happened.
import { z } from "zod";

const id = z.string().min(1).max(200);
const name = z.string().max(500);
const instant = z.string().datetime({ offset: true });
const path = z.string().startsWith("/").max(500);

const service = z.object({ id, slug: name, name });
const change = z.object({ id, number: z.number().int(), title: name, type: z.enum(["STANDARD", "NORMAL", "EMERGENCY"]) });
const deployment = z.object({ id, version: name, environment: name, service, href: path });
const onCallRequest = z.object({
  id,
  kind: z.enum(["SWAP", "COVER"]),
  schedule: z.object({ id, name }),
  shiftStart: instant,
  shiftEnd: instant,
  requester: z.object({ id, name }),
  /** Who was asked; null when the request is open to anyone on the rota. */
  target: z.object({ id, name }).nullable(),
  href: path,
});

const who = z.object({ id: id.nullable(), name });
const incident = z.object({
  id,
  number: z.number().int(),
  title: name,
  impact: z.enum(["HIGH", "MEDIUM", "LOW"]),
  /** HIGH impact: restore now, every on-call team is told. */
  major: z.boolean(),
  status: z.enum(["TRIGGERED", "ACKNOWLEDGED", "MITIGATED", "RESOLVED", "CLOSED"]),
  /** The service whose team responds, and every affected service. */
  service,
  services: z.array(service).max(100),
  team: z.object({ id, name }),
  href: path,
});

const review = z.object({ id, number: z.number().int(), title: name, href: path });

export const EVENT_SCHEMAS = {
  "oncall.shift.starting": z.object({
    schedule: z.object({ id, name }),
    person: z.object({ id, name }),
    role: z.enum(["PRIMARY", "SECONDARY"]),
    startsAt: instant,
    endsAt: instant,
    href: path,
  }),
  "oncall.request.created": onCallRequest,
  "oncall.request.accepted": onCallRequest.extend({ responder: z.object({ id, name }) }),
  "oncall.request.declined": onCallRequest.extend({ responder: z.object({ id, name }) }),
  "change.submitted": z.object({ change, service, requester: z.object({ id, name }).nullable(), href: path }),
  "change.decided": z.object({
    change,
    service,
    outcome: z.enum(["APPROVED", "REJECTED"]),
    reason: z.string().max(5000),
    requester: z.object({ id, name }).nullable(),
    href: path,
  }),
  "change.emergency.raised": z.object({ change, service, href: path }),
  "change.emergency.review-due": z.object({ change, service, dueAt: instant, href: path }),
  "change.required-check.missed": z.object({ change: change.nullable(), deployment, checks: z.array(name) }),
  "deployment.started": z.object({ deployment, production: z.boolean() }),
  "deployment.finished": z.object({ deployment, production: z.boolean() }),
  "deployment.failed": z.object({ deployment, production: z.boolean() }),
  "deployment.flagged": z.object({ deployment, kind: name, message: z.string().max(2000) }),
  "incident.triggered": z.object({ incident, source: z.enum(["PORTAL", "API", "ALERTMANAGER", "PAGERDUTY"]), by: who }),
  "incident.acknowledged": z.object({ incident, by: who }),
  "incident.mitigated": z.object({ incident, by: who }),
  "incident.resolved": z.object({ incident, by: who }),
  "incident.reopened": z.object({ incident, by: who }),
  "incident.reassigned": z.object({ incident, from: z.object({ service, team: z.object({ id, name }) }), reason: z.string().max(5000), by: who }),
  "incident.impact-changed": z.object({ incident, from: z.enum(["HIGH", "MEDIUM", "LOW"]), reason: z.string().max(5000), by: who }),
  /**
   * Someone (or, in working hours without a rota, a whole team) was paged for an incident: the first
   * page or an escalation (level 1 the secondary, 2 a team lead, 3 the domain's schedule). Never carries
   * the signed acknowledge link: only the paged person's own notice does.
   */
  "incident.paged": z.object({
    incident,
    person: z.object({ id, name }).nullable(),
    team: z.object({ id, name }).nullable(),
    level: z.number().int().min(0).max(3),
    reason: z.string().max(1000),
    outOfHours: z.boolean(),
  }),
  /** An incident manager declared (or raised to) a major incident: every on-call team is told. */
  "incident.major-declared": z.object({ incident, by: who }),
  /** A post-incident review was scheduled (automatically for a major incident): participants are asked. */
  "review.scheduled": z.object({
    review,
    incident: z.object({ id, number: z.number().int(), title: name, href: path }),
    service,
    team: z.object({ id, name }),
    dueAt: instant,
    participants: z.array(z.object({ id, name })).max(200),
    by: who,
  }),
  /**
   * A review was published to the organisation. Its actions become OPERATIONAL (incident action) items
   * of the owning team's backlog (lib/backlog/on-review-published.ts), one per action id.
   */
  "review.published": z.object({
    review,
    service,
    team: z.object({ id, name }),
    actions: z.array(z.object({ id, title: name, ownerId: id.nullable(), dueAt: instant.nullable() })).max(500),
    by: who,
  }),
  /** Sent by "send a test event" on a webhook; never emitted by a use case. */
  "webhook.test": z.object({ message: name }),
} as const;

export type EventType = keyof typeof EVENT_SCHEMAS;
export type EventPayload<T extends EventType> = z.infer<(typeof EVENT_SCHEMAS)[T]>;
export const EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as EventType[];

/** What a person reads for each event type, in settings and webhook forms. */
export const EVENT_LABELS: Record<EventType, string> = {
  "oncall.shift.starting": "My on-call shift starts in an hour",
  "oncall.request.created": "A swap or cover request asks me",
  "oncall.request.accepted": "My swap or cover request was accepted",
  "oncall.request.declined": "My swap or cover request was declined",
  "change.submitted": "A change was submitted to the CAB",
  "change.decided": "The CAB decided my change",
  "change.emergency.raised": "An emergency change was raised",
  "change.emergency.review-due": "An emergency change's review is due",
  "change.required-check.missed": "A required post-deployment check was missed",
  "deployment.started": "A production deployment started",
  "deployment.finished": "A production deployment finished",
  "deployment.failed": "A production deployment failed",
  "deployment.flagged": "A deployment was flagged",
  "incident.triggered": "An incident was raised for my team's services",
  "incident.acknowledged": "An incident was acknowledged",
  "incident.mitigated": "An incident was mitigated",
  "incident.resolved": "An incident was resolved",
  "incident.reopened": "An incident was reopened",
  "incident.reassigned": "An incident was reassigned",
  "incident.impact-changed": "An incident's impact was revised",
  "incident.major-declared": "A major incident was declared",
  "incident.paged": "I was paged for an incident",
  "review.scheduled": "A post-incident review I take part in was scheduled",
  "review.published": "A post-incident review was published",
  "webhook.test": "Test event",
};

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(EVENT_SCHEMAS, value);
}

/** A stored event as subscribers see it. */
export type DomainEventRecord = {
  seq: bigint;
  id: string;
  type: string;
  entityType: string;
  entityId: string;
  serviceId: string | null;
  teamId: string | null;
  payload: unknown;
  occurredAt: Date;
};

/** The event's payload parsed against its type's schema; null for a type this build does not know. */
export function parseEvent<T extends EventType>(event: DomainEventRecord, type: T): EventPayload<T> | null {
  if (event.type !== type) return null;
  return EVENT_SCHEMAS[type].parse(event.payload) as EventPayload<T>;
}
