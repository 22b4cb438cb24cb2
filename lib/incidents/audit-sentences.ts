// Incidents in the audit trail (the use cases in this folder, the incident API and the alert
// integrations). Registered in lib/audit/audit-actions.ts.
import { listWords, sentence, withNote, type SentenceContext, type SentenceMap } from "../audit/sentence-kit";

const str = (value: unknown) => (typeof value === "string" ? value : "");
const IMPACT: Record<string, string> = { HIGH: "high impact (major)", MEDIUM: "medium impact (minor)", LOW: "low impact (minor)" };
const ROLE: Record<string, string> = { COMMANDER: "incident commander", COMMUNICATIONS: "communications lead", RESPONDER: "a responder" };
const SOURCE: Record<string, string> = { PORTAL: "", API: " through the incident API", ALERTMANAGER: " from an Alertmanager alert", PAGERDUTY: " from a PagerDuty event" };
const STATUS: Record<string, string> = { TRIGGERED: "triggered", ACKNOWLEDGED: "acknowledged", MITIGATED: "mitigated", RESOLVED: "resolved", CLOSED: "closed" };

const moved = (verb: string) => (ctx: SentenceContext) => withNote(sentence(ctx.actor, ` ${verb} `, ctx.entity), ctx.after.note);
const serviceNames = (ctx: SentenceContext) => {
  const ids = Array.isArray(ctx.after.serviceIds) ? (ctx.after.serviceIds as unknown[]) : [];
  return ids.length ? listWords(ids.map((id) => {
    const named = ctx.ref("Service", id);
    return typeof named === "string" ? named : named.text;
  })) : listWords((Array.isArray(ctx.after.services) ? ctx.after.services : []).map(String));
};

export const incidentSentences = {
  "incident.declare": (ctx) => {
    const status = str(ctx.after.status);
    return withNote(
      sentence(ctx.actor, " raised ", ctx.entity, ` on ${serviceNames(ctx)}${SOURCE[str(ctx.after.source)] ?? ""}, ${IMPACT[str(ctx.after.impact)] ?? "impact unknown"}`, status && status !== "TRIGGERED" ? `, already ${STATUS[status] ?? status.toLowerCase()}` : ""),
      ctx.after.title,
    );
  },
  "incident.acknowledge": moved("acknowledged"),
  "incident.mitigate": moved("mitigated"),
  "incident.resolve": moved("resolved"),
  "incident.close": moved("closed"),
  "incident.reopen": moved("reopened"),
  "incident.update": (ctx) => withNote(sentence(ctx.actor, " posted an update on ", ctx.entity), ctx.after.message),
  "incident.impact": (ctx) =>
    withNote(sentence(ctx.actor, " revised ", ctx.entity, ` from ${IMPACT[str(ctx.before.impact)] ?? "?"} to ${IMPACT[str(ctx.after.impact)] ?? "?"}`), ctx.after.reason),
  "incident.reassign": (ctx) =>
    withNote(sentence(ctx.actor, " reassigned ", ctx.entity, " from ", ctx.ref("Team", ctx.before.teamId, "a team"), " to ", ctx.ref("Team", ctx.after.teamId, "a team"), " (", ctx.ref("Service", ctx.after.serviceId, "a service"), " is the cause)"), ctx.after.reason),
  "incident.assign-role": (ctx) => sentence(ctx.actor, " made ", ctx.ref("Person", ctx.after.personId, "someone"), ` ${ROLE[str(ctx.after.role)] ?? "a responder"} on `, ctx.entity),
  "incident.remove-role": (ctx) => sentence(ctx.actor, " removed ", ctx.ref("Person", ctx.after.personId, "someone"), ` as ${ROLE[str(ctx.after.role)] ?? "a responder"} on `, ctx.entity),
  "incident.availability": (ctx) =>
    withNote(
      sentence(ctx.actor, " set ", ctx.entity, `'s unavailability window to ${ctx.words.dateTime(ctx.after.availabilityLostAt)} – ${ctx.after.availabilityRegainedAt ? ctx.words.dateTime(ctx.after.availabilityRegainedAt) : "still unavailable"} (was ${ctx.words.dateTime(ctx.before.availabilityLostAt)} – ${ctx.before.availabilityRegainedAt ? ctx.words.dateTime(ctx.before.availabilityRegainedAt) : "open"})`),
      ctx.after.reason,
    ),
  "incident.cause": (ctx) =>
    ctx.after.causeDeploymentId
      ? sentence(ctx.actor, " confirmed ", ctx.ref("Deployment", ctx.after.causeDeploymentId, "a deployment"), " as the cause of ", ctx.entity)
      : sentence(ctx.actor, " cleared the cause of ", ctx.entity, ctx.before.causeDeploymentId ? [" (it was ", ctx.ref("Deployment", ctx.before.causeDeploymentId, "a deployment"), ")"] : ""),
} satisfies SentenceMap;
