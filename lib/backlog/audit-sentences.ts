// The backlog in the audit trail ("Pat moved BL-12 'Add retries to payment client' to done").
// Registered in lib/audit/audit-actions.ts.
import { edited, field, possessive, sentence, type SentenceMap } from "../audit/sentence-kit";

const STATUS: Record<string, string> = { TODO: "to do", DOING: "doing", DONE: "done" };
const TYPE: Record<string, string> = { PRODUCT: "product", OPERATIONAL: "operational" };
const SUBTYPE: Record<string, string> = {
  RELIABILITY: "reliability", OPERABILITY: "operability", SECURITY_PATCH: "security patch", LIBRARY_UPGRADE: "library upgrade",
  TECH_DEBT: "tech debt", INCIDENT_ACTION: "incident action", TOIL: "toil",
};
const str = (value: unknown) => (typeof value === "string" ? value : "");
const kind = (type: unknown, subtype: unknown) => (str(subtype) ? `operational (${SUBTYPE[str(subtype)] ?? str(subtype)})` : (TYPE[str(type)] ?? "product"));
const points = (value: unknown) => (typeof value === "number" ? `, ${value} point${value === 1 ? "" : "s"}` : ", not estimated");
const percent = (value: unknown) => (typeof value === "number" ? `${value} %` : "none");

const SPECS = {
  type: field.words("type", TYPE),
  subtype: field.words("subtype", SUBTYPE),
  estimate: field.number("estimate", " points"),
  dueAt: field.date("due date"),
  title: field.plain("title"),
  description: field.text("description"),
  incidentId: field.ref("incident", "Incident"),
  hypothesisId: field.hidden,
  name: field.hidden,
};

export const backlogSentences = {
  "backlog.create-item": (ctx) => sentence(ctx.actor, " added ", ctx.entity, " to ", ...possessive(ctx.ref("Team", ctx.after.teamId, "a team")), ` backlog: ${kind(ctx.after.type, ctx.after.subtype)}${points(ctx.after.estimate)}`),
  "backlog.edit-item": (ctx) => edited(ctx, SPECS),
  "backlog.move-item": (ctx) => sentence(ctx.actor, " moved ", ctx.entity, ` to ${STATUS[str(ctx.after.status)] ?? "?"} (was ${STATUS[str(ctx.before.status)] ?? "?"})`),
  "backlog.delete-item": (ctx) => sentence(ctx.actor, " deleted ", ctx.entity, " from ", ...possessive(ctx.ref("Team", ctx.before.teamId, "a team")), ` backlog (${kind(ctx.before.type, ctx.before.subtype)}, ${STATUS[str(ctx.before.status)] ?? "?"})`),
  "backlog.reorder-item": (ctx) =>
    sentence(ctx.actor, " moved ", ctx.entity, ctx.after.to === "top" ? " to the top of the backlog" : ctx.after.to === "bottom" ? " to the bottom of the backlog" : str(ctx.after.after) ? ` below ${str(ctx.after.after)}` : ` above ${str(ctx.after.before)}`),
  "backlog.set-target": (ctx) => sentence(ctx.actor, " set ", ...possessive(ctx.entity), ` target operational share to ${percent(ctx.after.target)} (was ${percent(ctx.before.target)})`),
  "backlog.import-items": (ctx) =>
    sentence(ctx.actor, ` imported ${typeof ctx.after.count === "number" ? ctx.after.count : "?"} item${ctx.after.count === 1 ? "" : "s"} into `, ...possessive(ctx.entity), ` backlog from ${ctx.after.format === "jira" ? "Jira CSV" : "CSV"}`),
  "backlog.add-action-item": (ctx) => sentence(ctx.actor, " added ", ctx.entity, " to ", ...possessive(ctx.ref("Team", ctx.after.teamId, "a team")), ` backlog: an action of the published review ${str(ctx.after.review) || "a review"}`),
  "backlog.add-incident-item": (ctx) => sentence(ctx.actor, " added ", ctx.entity, " to ", ...possessive(ctx.ref("Team", ctx.after.teamId, "a team")), " backlog for the low-impact ", ctx.ref("Incident", ctx.after.incidentId, "incident")),
} satisfies SentenceMap;
