// Post-incident reviews in the audit trail. Registered in lib/audit/audit-actions.ts. An analysis is
// said only as "wrote their analysis (n characters)": its words stay private until shared, and the
// trail is readable by more people than the review's participants.
import { field, sentence, withNote, type SentenceContext, type SentenceMap } from "../audit/sentence-kit";

const str = (value: unknown) => (typeof value === "string" ? value : "");
const num = (value: unknown) => (typeof value === "number" ? value : 0);
const KIND: Record<string, string> = { HUMAN: "human", TECHNICAL: "technical" };
const person = (ctx: SentenceContext) => (ctx.isActor(ctx.after.personId) ? "their own" : ctx.ref("Person", ctx.after.personId, "someone"));

const REVIEW_FIELDS = {
  summary: field.text("summary"),
  impactNotes: field.text("impact notes"),
  wentWell: field.text("what went well"),
  wasHard: field.text("what was hard"),
  learnings: field.text("learnings"),
  tags: { label: "tags", say: (value: unknown) => (Array.isArray(value) && value.length ? value.join(", ") : "none") },
  dueAt: field.dateTime("due date"),
  facilitatorId: field.ref("facilitator", "Person"),
};

export const reviewSentences = {
  "review.schedule": (ctx) =>
    sentence(ctx.actor, ctx.after.automatic ? " scheduled " : " scheduled ", ctx.entity, ` for INC-${num(ctx.after.incidentNumber)}`, ctx.after.automatic ? " (a major incident)" : "", `, due ${ctx.words.dateTime(ctx.after.dueAt)}`),
  "review.record-analysis": (ctx) => sentence(ctx.actor, ctx.after.rewritten ? " rewrote " : " wrote ", person(ctx) === "their own" ? "their own" : "an", ` analysis for `, ctx.entity, ` (${num(ctx.after.characters).toLocaleString("en-GB")} characters${ctx.after.shared ? ", shared" : ", not shared"})`),
  "review.share-analysis": (ctx) => sentence(ctx.actor, " shared their analysis in ", ctx.entity),
  "review.invite-participant": (ctx) => sentence(ctx.actor, " invited ", ctx.ref("Person", ctx.after.personId, "someone"), " to take part in ", ctx.entity),
  "review.start-drafting": (ctx) => sentence(ctx.actor, " started the joint review of ", ctx.entity, ` with ${num(ctx.after.sharedAnalyses)} shared analyses and ${num(ctx.after.timelineEntries)} timeline entries from the incident`),
  "review.update": (ctx) => ({ ...sentence(ctx.actor, " edited ", ctx.entity), changes: ctx.changes(REVIEW_FIELDS) }),
  "review.add-timeline": (ctx) => withNote(sentence(ctx.actor, " added a timeline entry at ", ctx.words.dateTime(ctx.after.occurredAt), " to ", ctx.entity), ctx.after.message),
  "review.edit-timeline": (ctx) => withNote(sentence(ctx.actor, " edited the timeline entry at ", ctx.words.dateTime(ctx.after.occurredAt), " of ", ctx.entity), ctx.after.message),
  "review.remove-timeline": (ctx) => withNote(sentence(ctx.actor, " removed the timeline entry at ", ctx.words.dateTime(ctx.before.occurredAt), " from ", ctx.entity), ctx.before.message),
  "review.add-factor": (ctx) => withNote(sentence(ctx.actor, ` added a ${KIND[str(ctx.after.kind)] ?? ""} contributing factor to `, ctx.entity), ctx.after.description),
  "review.edit-factor": (ctx) => withNote(sentence(ctx.actor, ` edited a ${KIND[str(ctx.after.kind)] ?? ""} contributing factor of `, ctx.entity), ctx.after.description),
  "review.remove-factor": (ctx) => withNote(sentence(ctx.actor, " removed a contributing factor from ", ctx.entity), ctx.before.description),
  "review.add-action": (ctx) => sentence(ctx.actor, ` added the action "${str(ctx.after.title)}" to `, ctx.entity, ctx.after.ownerId ? [", owned by ", ctx.ref("Person", ctx.after.ownerId, "someone")] : ""),
  "review.edit-action": (ctx) => sentence(ctx.actor, ` edited the action "${str(ctx.after.title)}" of `, ctx.entity, ctx.after.ownerId ? [", owned by ", ctx.ref("Person", ctx.after.ownerId, "someone")] : ""),
  "review.remove-action": (ctx) => sentence(ctx.actor, ` removed the action "${str(ctx.before.title)}" from `, ctx.entity),
  "review.publish": (ctx) =>
    sentence(ctx.actor, " published ", ctx.entity, ` to the organisation with ${num(ctx.after.actions)} action${num(ctx.after.actions) === 1 ? "" : "s"}`, num(ctx.after.repeats) ? ` (${num(ctx.after.repeats)} raised before)` : ""),
} satisfies SentenceMap;
