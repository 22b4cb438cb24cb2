// Change management in the audit trail: requests and their votes (raise-change, submit-change, decide-change,
// comment-on-change, cancel-change, review-emergency), the gate (gate-sql.ts), change control on deployments
// (deployment-control.ts, change-control-plan.ts), freezes, patterns, required checks and the CAB's settings.
// Registered in lib/audit/audit-actions.ts.
import { edited, field, possessive, sentence, withNote, type FieldSpecs, type SentenceContext, type SentenceMap } from "../audit/sentence-kit";
import { FLAG_LABELS } from "./labels";
import { RULE_LABELS } from "./pattern-rules";
import { STATE_LABELS } from "./state-machine";

const TYPE_WORDS: Record<string, string> = { STANDARD: "standard", NORMAL: "normal", EMERGENCY: "emergency" };
const WEEKDAYS = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const minuteWords = (value: unknown) => (typeof value === "number" ? `${String(Math.floor(value / 60)).padStart(2, "0")}:${String(value % 60).padStart(2, "0")}` : "none");

export const FREEZE_FIELDS: FieldSpecs = {
  name: field.plain("name"),
  reason: field.text("reason"),
  scope: field.words("scope", { ORGANISATION: "the whole organisation", DOMAIN: "a domain", TEAM: "a team", SERVICE: "a service" }),
  domainId: field.ref("domain", "Domain"),
  teamId: field.ref("team", "Team"),
  serviceId: field.ref("service", "Service"),
  startsAt: field.dateTime("start"),
  endsAt: field.dateTime("end"),
};

const ruleWords = (value: unknown) =>
  Array.isArray(value) && value.length ? value.map((rule) => RULE_LABELS[(rule as { kind: keyof typeof RULE_LABELS }).kind] ?? "rule").join(", ") : "none";

export const PATTERN_FIELDS: FieldSpecs = {
  slug: field.plain("slug"),
  name: field.plain("name"),
  description: field.text("description"),
  serviceIds: field.refs("services", "Service"),
  teamIds: field.refs("teams", "Team"),
  environmentIds: field.refs("environments", "Environment"),
  tiers: field.plain("tiers"),
  rules: { label: "rules", say: ruleWords },
  archivedAt: field.dateTime("archived"),
};

export const CAB_FIELDS: FieldSpecs = {
  quorum: field.number("quorum", " approvals"),
  emergencyReviewHours: field.number("emergency review deadline", " hours"),
  meetingWeekday: { label: "meeting day", say: (value) => WEEKDAYS[value as number] ?? "none" },
  meetingMinute: { label: "meeting time", say: minuteWords },
  timeZone: field.plain("time zone"),
};

const CHECK_FIELDS: FieldSpecs = { deadlineMinutes: field.number("deadline", " minutes"), name: field.plain("name") };

const stateWords = (state: unknown) => (STATE_LABELS[state as keyof typeof STATE_LABELS] ?? String(state ?? "")).toLowerCase();

/** Change control moving a change on: "marked CHG-102 implemented", with the reason it gave. */
const movedTo = (ctx: SentenceContext) => withNote(sentence(ctx.actor, " marked ", ctx.entity, ` ${stateWords(ctx.after.state)}`), ctx.after.reason);

const checkOwner = (ctx: SentenceContext) => {
  const snapshot = { ...ctx.before, ...ctx.after };
  return snapshot.serviceId ? ctx.ref("Service", snapshot.serviceId, "a deleted service") : ["the pattern ", ctx.ref("DeploymentPattern", snapshot.patternId, "a deleted pattern")];
};

export const changeSentences = {
  "change.raise": (ctx) => {
    const type = TYPE_WORDS[ctx.after.type as string] ?? "";
    const state = ctx.after.state === "SUBMITTED" ? " and submitted it for approval" : ctx.after.state === "DRAFT" ? " as a draft" : "";
    return withNote(sentence(ctx.actor, ` raised the ${type} change `, ctx.entity, typeof ctx.after.version === "string" ? ` for version ${ctx.after.version}` : "", state), ctx.after.summary);
  },
  "change.submit": (ctx) => sentence(ctx.actor, " submitted ", ctx.entity, " for approval", ctx.after.riskLevel ? ` (risk ${String(ctx.after.riskLevel).toLowerCase()}, score ${ctx.words.number(ctx.after.riskScore)})` : ""),
  "change.vote": (ctx) => withNote(sentence(ctx.actor, ctx.after.decision === "REJECT" ? " voted to reject " : " voted to approve ", ctx.entity), ctx.after.reason),
  "change.approve": (ctx) => withNote(sentence(possessive(ctx.actor), " vote approved ", ctx.entity, typeof ctx.after.quorum === "number" ? ` (quorum of ${ctx.after.quorum} reached)` : ""), ctx.after.reason),
  "change.reject": (ctx) => withNote(sentence(ctx.actor, " rejected ", ctx.entity), ctx.after.reason),
  "change.comment": (ctx) => withNote(sentence(ctx.actor, " commented on ", ctx.entity), ctx.after.body),
  "change.cancel": (ctx) => sentence(ctx.actor, " cancelled ", ctx.entity, ctx.before.state ? ` (was ${stateWords(ctx.before.state)})` : ""),
  "change.review": (ctx) => withNote(sentence(ctx.actor, " reviewed the emergency change ", ctx.entity, " after the fact"), ctx.after.notes),
  "change.implemented": movedTo,
  "change.closed": movedTo,
  "change.failed": movedTo,
  "change.deployment-linked": (ctx) => sentence(ctx.actor, " linked the deployment ", ctx.ref("Deployment", ctx.after.deploymentId, `of ${String(ctx.after.version ?? "a version")}`), " to ", ctx.entity),
  "change.standard-recorded": (ctx) =>
    sentence(ctx.actor, " recorded ", ctx.entity, ` as a pre-approved standard change for version ${String(ctx.after.version ?? "")}`, ctx.after.patternId ? [" under the pattern ", ctx.ref("DeploymentPattern", ctx.after.patternId)] : []),
  "change.gate-decision": (ctx) => {
    const reasons = Array.isArray(ctx.after.reasons) ? (ctx.after.reasons as { passed?: boolean; message?: string }[]) : [];
    const failed = reasons.filter((reason) => reason.passed === false).map((reason) => reason.message).filter(Boolean).join(" ");
    return withNote(
      sentence("The gate ", ctx.after.outcome === "DENY" ? "refused " : "allowed ", ctx.ref("Service", ctx.after.serviceId, String(ctx.after.service ?? "a service")),
        ` ${String(ctx.after.version ?? "")} into `, ctx.ref("Environment", ctx.after.environmentId, "an environment"), " for ", ctx.actor,
        ctx.after.changeRequestId ? [" under ", ctx.ref("ChangeRequest", ctx.after.changeRequestId)] : []),
      ctx.after.outcome === "DENY" ? failed : undefined,
    );
  },
  "deployment.change-linked": (ctx) => sentence(ctx.actor, " linked ", ctx.entity, " to ", ctx.ref("ChangeRequest", ctx.after.changeRequestId, typeof ctx.after.number === "number" ? `CHG-${ctx.after.number}` : "a change")),
  "deployment.flagged": (ctx) => withNote(sentence(ctx.actor, " flagged ", ctx.entity, ` (${(FLAG_LABELS[ctx.after.kind as keyof typeof FLAG_LABELS] ?? "flag").toLowerCase()})`), ctx.after.message),
  "deployment.required-checks": (ctx) => sentence(ctx.actor, " found the required health checks of ", ctx.entity, ` ${String(ctx.after.requiredChecksStatus ?? "decided").toLowerCase()}`),
  "cab.settings": (ctx) => edited(ctx, CAB_FIELDS),
  "freeze.create": (ctx) => {
    const where = ctx.after.scope === "ORGANISATION" || !ctx.after.scope ? ["the whole organisation"] : [ctx.ref(ctx.after.scope === "DOMAIN" ? "Domain" : ctx.after.scope === "TEAM" ? "Team" : "Service", ctx.after.domainId ?? ctx.after.teamId ?? ctx.after.serviceId)];
    return withNote(sentence(ctx.actor, " scheduled the freeze ", ctx.entity, " for ", where, ` from ${ctx.words.dateTime(ctx.after.startsAt)} to ${ctx.words.dateTime(ctx.after.endsAt)}`), ctx.after.reason);
  },
  "freeze.update": (ctx) => edited(ctx, FREEZE_FIELDS),
  "freeze.delete": (ctx) => sentence(ctx.actor, " removed the freeze ", ctx.entity, ctx.before.startsAt ? ` (${ctx.words.dateTime(ctx.before.startsAt)} to ${ctx.words.dateTime(ctx.before.endsAt)})` : ""),
  "pattern.create": (ctx) => sentence(ctx.actor, " created the deployment pattern ", ctx.entity, ` (rules: ${ruleWords(ctx.after.rules)})`),
  "pattern.update": (ctx) => edited(ctx, PATTERN_FIELDS),
  "pattern.archive": (ctx) => sentence(ctx.actor, " archived the deployment pattern ", ctx.entity),
  "required-check.create": (ctx) => sentence(ctx.actor, " required the health check ", ctx.entity, ` within ${ctx.words.number(ctx.after.deadlineMinutes)} minutes of a deployment of `, checkOwner(ctx)),
  "required-check.update": (ctx) => edited(ctx, CHECK_FIELDS),
  "required-check.delete": (ctx) => sentence(ctx.actor, " stopped requiring the health check ", ctx.entity, " for ", checkOwner(ctx)),
} satisfies SentenceMap;
