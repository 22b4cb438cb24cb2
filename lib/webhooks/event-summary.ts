// One line per event, in the words a Slack channel reads, and the portal page to act on it. Pure: it
// takes the event's own payload (which already names everything), never the database.
import { EVENT_SCHEMAS, isEventType, type EventPayload, type EventType } from "../events/catalogue";

export type EventSummary = { title: string; detail?: string; href?: string };

type Describers = { [T in EventType]: (payload: EventPayload<T>) => EventSummary };

const minute = (instant: string) => `${instant.slice(0, 16).replace("T", " ")} UTC`;
const ask = (kind: "SWAP" | "COVER") => (kind === "SWAP" ? "swap" : "cover");

const inc = (p: { incident: { number: number; title: string; impact: string; major: boolean; service: { slug: string } } }) =>
  `INC-${p.incident.number} on ${p.incident.service.slug} (${p.incident.major ? "major" : `${p.incident.impact.toLowerCase()} impact`})`;
const by = (p: { by: { name: string } }) => ` by ${p.by.name}`;

const DESCRIBE: Describers = {
  "oncall.shift.starting": (p) => ({ title: `${p.person.name}'s ${p.role.toLowerCase()} on-call shift on ${p.schedule.name} starts at ${minute(p.startsAt)}`, href: p.href }),
  "oncall.request.created": (p) => ({ title: `${p.requester.name} asks ${p.target?.name ?? "anyone on the rota"} to ${ask(p.kind)} a ${p.schedule.name} shift (${minute(p.shiftStart)})`, href: p.href }),
  "oncall.request.accepted": (p) => ({ title: `${p.responder.name} accepted ${p.requester.name}'s ${ask(p.kind)} request on ${p.schedule.name}`, href: p.href }),
  "oncall.request.declined": (p) => ({ title: `${p.responder.name} declined ${p.requester.name}'s ${ask(p.kind)} request on ${p.schedule.name}`, href: p.href }),
  "change.submitted": (p) => ({ title: `CHG-${p.change.number} on ${p.service.slug} awaits the CAB`, detail: p.change.title, href: p.href }),
  "change.decided": (p) => ({ title: `CHG-${p.change.number} on ${p.service.slug} ${p.outcome === "APPROVED" ? "approved" : "rejected"} by the CAB`, detail: p.reason || undefined, href: p.href }),
  "change.emergency.raised": (p) => ({ title: `Emergency change CHG-${p.change.number} on ${p.service.slug}`, detail: p.change.title, href: p.href }),
  "change.emergency.review-due": (p) => ({ title: `Review of emergency change CHG-${p.change.number} on ${p.service.slug} is due`, detail: p.change.title, href: p.href }),
  "change.required-check.missed": (p) => ({ title: `${p.deployment.service.slug} ${p.deployment.version}: required check missed`, detail: `No result in time for: ${p.checks.join(", ")}.`, href: p.deployment.href }),
  "deployment.started": (p) => ({ title: `${p.deployment.service.slug} ${p.deployment.version} to ${p.deployment.environment}: started`, href: p.deployment.href }),
  "deployment.finished": (p) => ({ title: `${p.deployment.service.slug} ${p.deployment.version} to ${p.deployment.environment}: finished`, href: p.deployment.href }),
  "deployment.failed": (p) => ({ title: `${p.deployment.service.slug} ${p.deployment.version} to ${p.deployment.environment}: failed`, href: p.deployment.href }),
  "deployment.flagged": (p) => ({ title: `${p.deployment.service.slug} ${p.deployment.version} flagged (${p.kind})`, detail: p.message, href: p.deployment.href }),
  "incident.triggered": (p) => ({ title: `${inc(p)} raised${by(p)}`, detail: p.incident.title, href: p.incident.href }),
  "incident.acknowledged": (p) => ({ title: `${inc(p)} acknowledged${by(p)}`, detail: p.incident.title, href: p.incident.href }),
  "incident.mitigated": (p) => ({ title: `${inc(p)} mitigated${by(p)}`, detail: p.incident.title, href: p.incident.href }),
  "incident.resolved": (p) => ({ title: `${inc(p)} resolved${by(p)}`, detail: p.incident.title, href: p.incident.href }),
  "incident.reopened": (p) => ({ title: `${inc(p)} reopened${by(p)}`, detail: p.incident.title, href: p.incident.href }),
  "incident.reassigned": (p) => ({ title: `${inc(p)} reassigned from ${p.from.team.name} to ${p.incident.team.name}${by(p)}`, detail: p.reason, href: p.incident.href }),
  "incident.impact-changed": (p) => ({ title: `${inc(p)}: impact revised from ${p.from.toLowerCase()}${by(p)}`, detail: p.reason, href: p.incident.href }),
  "incident.paged": (p) => ({
    title: `${inc(p)}: ${p.level === 0 ? "paged" : "escalated to"} ${p.person?.name ?? `the ${p.team?.name ?? "responding"} team`}${p.level ? ` (level ${p.level})` : ""}`,
    detail: `${p.reason[0]?.toUpperCase() ?? ""}${p.reason.slice(1)}${p.outOfHours ? "; a callout" : ""}.`,
    href: p.incident.href,
  }),
  "incident.major-declared": (p) => ({ title: `Major incident INC-${p.incident.number} on ${p.incident.service.slug} declared${by(p)}`, detail: p.incident.title, href: p.incident.href }),
  "review.scheduled": (p) => ({ title: `PIR-${p.review.number} for INC-${p.incident.number} on ${p.service.slug} scheduled, due ${p.dueAt.slice(0, 10)}`, detail: p.review.title, href: p.review.href }),
  "review.published": (p) => ({
    title: `PIR-${p.review.number} on ${p.service.slug} published${by(p)}`,
    detail: p.actions.length ? `${p.actions.length} action${p.actions.length === 1 ? "" : "s"} for ${p.team.name}'s backlog.` : p.review.title,
    href: p.review.href,
  }),
  "webhook.test": (p) => ({ title: "Test event from Runwell", detail: p.message }),
};

/** The summary of a stored event; a type this build does not know is named as it is. */
export function summariseEvent(type: string, payload: unknown): EventSummary {
  if (!isEventType(type)) return { title: `Runwell event ${type}` };
  const parsed = EVENT_SCHEMAS[type].safeParse(payload);
  if (!parsed.success) return { title: `Runwell event ${type}` };
  return (DESCRIBE[type] as (payload: unknown) => EventSummary)(parsed.data);
}
