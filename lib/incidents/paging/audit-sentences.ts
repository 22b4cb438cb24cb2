// Paging in the audit trail: who Runwell paged for an incident, each escalation, and an incident held
// until working hours. Registered in lib/audit/audit-actions.ts.
import { sentence, withNote, type SentenceContext, type SentenceMap } from "../../audit/sentence-kit";

const LEVEL: Record<number, string> = { 1: "the secondary", 2: "a team lead", 3: "the domain's schedule" };
const callout = (ctx: SentenceContext) => (ctx.after.outOfHours === true ? " out of hours (a callout)" : "");
const paged = (ctx: SentenceContext) =>
  typeof ctx.after.personId === "string" ? ctx.ref("Person", ctx.after.personId, "someone") : ["every member of ", ctx.ref("Team", ctx.after.teamId, "the team")];

export const pagingSentences = {
  "incident.page": (ctx) => withNote(sentence(ctx.actor, " paged ", paged(ctx), " for ", ctx.entity, callout(ctx)), ctx.after.reason),
  "incident.escalate": (ctx) =>
    withNote(sentence(ctx.actor, " escalated ", ctx.entity, ` to ${LEVEL[Number(ctx.after.level)] ?? "the next level"}, paging `, paged(ctx), callout(ctx), ": nobody had acknowledged"), ctx.after.reason),
  "incident.hold": (ctx) =>
    withNote(sentence(ctx.actor, " held ", ctx.entity, ` until ${ctx.after.heldUntil ? ctx.words.dateTime(ctx.after.heldUntil) : "the next working day"}: nothing covers the service out of hours`), ctx.after.reason),
} satisfies SentenceMap;
