// On-call in the audit trail: schedules and rotations, overrides, swap and cover requests, leave, feeds,
// pay policies and holiday calendars (the use cases in this folder and the seed's oncall factories).
// Override, request and feed events name their schedule; leave names its person. Registered in lib/audit/audit-actions.ts.
import { edited, field, fieldChanges, possessive, sentence, withNote, type FieldSpec, type FieldSpecs, type SentenceContext, type SentenceMap, type Snapshot } from "../audit/sentence-kit";

const WEEKDAYS = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const minuteWords = (value: unknown) => (typeof value === "number" ? `${String(Math.floor(value / 60)).padStart(2, "0")}:${String(value % 60).padStart(2, "0")}` : "none");
const dayList = (value: unknown) => (Array.isArray(value) && value.length ? value.map((day) => WEEKDAYS[day as number]?.slice(0, 3) ?? "?").join(", ") : "none");

export const SCHEDULE_FIELDS: FieldSpecs = {
  name: field.plain("name"),
  timeZone: field.plain("time zone"),
  workdayStartMinute: { label: "working day start", say: minuteWords },
  workdayEndMinute: { label: "working day end", say: minuteWords },
  workingDays: { label: "working days", say: dayList },
  holidayCalendarId: field.ref("holiday calendar", "HolidayCalendar"),
  hasSecondary: field.plain("secondary layer"),
  rotationDays: field.number("rotation length", " days"),
  handoffWeekday: { label: "handoff day", say: (value) => WEEKDAYS[value as number] ?? "none" },
  handoffMinute: { label: "handoff time", say: minuteWords },
  handoffTime: field.plain("handoff time"),
  participantIds: field.refs("primary rota", "Person"),
  secondaryIds: field.refs("secondary rota", "Person"),
  // Context the events carry, not fields of the schedule.
  rotation: field.hidden,
  rotationId: field.hidden,
  rotationChangedFrom: field.hidden,
  effectiveFrom: field.hidden,
};

// Rates are in minor units (pence, cents) of the organisation's currency; events written before the
// currency became an organisation setting name their own.
const currencyOf = (ctx: SentenceContext) => (typeof ctx.after.currency === "string" ? ctx.after.currency : undefined);
const fromMinor = (value: unknown) => (typeof value === "number" ? value / 100 : value);
const rate = (label: string): FieldSpec => ({ label, say: (value, ctx) => ctx.words.money(fromMinor(value), currencyOf(ctx)), rank: (v) => (typeof v === "number" ? v : null) });

export const PAY_FIELDS: FieldSpecs = {
  model: field.words("pay model", { STANDBY_ONLY: "standby only", STANDBY_AND_CALLOUT: "standby and call-outs" }),
  currency: field.plain("currency"),
  standbyRate: rate("standby rate"),
  weekendHolidayRate: rate("weekend and holiday rate"),
  calloutRate: rate("call-out rate"),
  teamId: field.hidden,
};

/**
 * Schedule and rotation edits record the rotation before as one object and after as fields (the
 * rotation form sends the handoff as "09:00"): compare like with like, so only what changed is listed.
 */
function rotationChanges(ctx: SentenceContext) {
  if (!ctx.before || !Object.keys(ctx.before).length) return [];
  const { rotation, ...before } = ctx.before;
  const previous = (rotation && typeof rotation === "object" ? rotation : {}) as Snapshot;
  const flat: Snapshot = { rotationDays: previous.rotationDays, handoffWeekday: previous.handoffWeekday, ...before };
  if ("handoffMinute" in ctx.after) flat.handoffMinute = previous.handoffMinute;
  if ("handoffTime" in ctx.after) flat.handoffTime = typeof previous.handoffMinute === "number" ? minuteWords(previous.handoffMinute) : undefined;
  return fieldChanges(ctx, flat, ctx.after, SCHEDULE_FIELDS);
}

const span = (ctx: SentenceContext, snapshot = ctx.after) => ` from ${ctx.words.dateTime(snapshot.startsAt)} to ${ctx.words.dateTime(snapshot.endsAt)}`;
const layer = (ctx: SentenceContext) => (ctx.after.layer === "SECONDARY" ? "secondary" : "primary");
const instead = (ctx: SentenceContext) => (ctx.after.replacesPersonId ? [" instead of ", ctx.ref("Person", ctx.after.replacesPersonId, "someone")] : []);
const person = (ctx: SentenceContext, id: unknown) => ctx.ref("Person", id, "a deleted person");

/** A new pay policy's terms: ": standby only, standby £300, weekends and holidays £450". */
function payTerms(ctx: SentenceContext): string {
  const money = (value: unknown) => ctx.words.money(fromMinor(value), currencyOf(ctx));
  const model = ctx.after.model === "STANDBY_AND_CALLOUT" ? "standby and call-outs" : "standby only";
  const callout = ctx.after.model === "STANDBY_AND_CALLOUT" ? `, call-outs ${money(ctx.after.calloutRate)}` : "";
  return `: ${model}, standby ${money(ctx.after.standbyRate)}, weekends and holidays ${money(ctx.after.weekendHolidayRate)}${callout}`;
}

/** Accepting, declining or cancelling a request: its schedule is the entity. */
const answered = (verb: string) => (ctx: SentenceContext) => sentence(ctx.actor, ` ${verb} a request on `, ctx.entity);

export const oncallSentences = {
  "oncall-schedule.create": (ctx) => sentence(ctx.actor, " created the on-call schedule ", ctx.entity, Array.isArray(ctx.after.participantIds) ? ` with ${ctx.after.participantIds.length} people on the rota` : ""),
  "oncall-schedule.update": (ctx) => {
    const changes = rotationChanges(ctx);
    return changes.length === 0 ? sentence(ctx.actor, " saved ", ctx.entity, " without changes") : { ...sentence(ctx.actor, " changed the settings of ", ctx.entity), changes };
  },
  "oncall-schedule.archive": (ctx) => sentence(ctx.actor, " archived the on-call schedule ", ctx.entity),
  "oncall-schedule.opt-out": (ctx) => sentence(ctx.actor, " opted ", ctx.isActor(ctx.after.personId) ? [] : [person(ctx, ctx.after.personId), " "], "out of ", ctx.entity),
  "oncall-schedule.opt-in": (ctx) => sentence(ctx.actor, " opted ", ctx.isActor(ctx.after.personId) ? [] : [person(ctx, ctx.after.personId), " "], "back into ", ctx.entity),
  "oncall-rotation.edit": (ctx) => ({ ...sentence(ctx.actor, " changed the rotation of ", ctx.entity, ctx.after.effectiveFrom ? ` from ${ctx.words.dateTime(ctx.after.effectiveFrom)}` : ""), changes: rotationChanges(ctx) }),
  "oncall-override.assign": (ctx) => sentence(ctx.actor, " put ", person(ctx, ctx.after.personId), ` on the ${layer(ctx)} shift of `, ctx.entity, span(ctx), instead(ctx)),
  "oncall-override.create": (ctx) => {
    const kind = ctx.after.kind === "SWAP" ? "swap" : ctx.after.kind === "COVER" ? "cover" : null;
    const how = kind ? (ctx.after.requestId ? `, as agreed ${kind === "swap" ? "in a swap" : "cover"}` : ` (${kind})`) : "";
    const who = ctx.isActor(ctx.after.personId) ? [" went on call for "] : [" put ", person(ctx, ctx.after.personId), " on call for "];
    return sentence(ctx.actor, who, ctx.entity, span(ctx), instead(ctx), how);
  },
  "oncall-override.take-now": (ctx) => sentence(ctx.actor, " took the live shift of ", ctx.entity, instead(ctx), ` until ${ctx.words.dateTime(ctx.after.endsAt)}`),
  "oncall-override.cancel": (ctx) =>
    ctx.after.endsAt
      ? sentence(ctx.actor, " ended ", possessive(person(ctx, ctx.before.personId)), " override on ", ctx.entity, ` early, at ${ctx.words.dateTime(ctx.after.endsAt)}`)
      : sentence(ctx.actor, " cancelled ", possessive(person(ctx, ctx.before.personId)), " override on ", ctx.entity, span(ctx, ctx.before)),
  "oncall-request.create": (ctx) =>
    withNote(
      ctx.after.kind === "SWAP"
        ? sentence(ctx.actor, " asked ", person(ctx, ctx.after.responderId), " to take their shift on ", ctx.entity, span(ctx), " in exchange for ",
            possessive(person(ctx, ctx.after.responderId)), " shift", span(ctx, { startsAt: ctx.after.swapStartsAt, endsAt: ctx.after.swapEndsAt }))
        : sentence(ctx.actor, " asked ", person(ctx, ctx.after.responderId), " to cover ", ctx.entity, span(ctx)),
      ctx.after.message,
    ),
  "oncall-request.accept": answered("accepted"),
  "oncall-request.decline": answered("declined"),
  "oncall-request.cancel": answered("cancelled"),
  "oncall-feed.rotate": (ctx) => sentence(ctx.actor, " issued a new calendar feed link for ", ctx.entity, ctx.after.revokedPrevious ? ", revoking the old one" : ""),
  "oncall-pay-policy.create": (ctx) => sentence(ctx.actor, " set the on-call pay of ", ctx.entity, payTerms(ctx)),
  "oncall-pay-policy.set": (ctx) => (Object.keys(ctx.before).length ? edited(ctx, PAY_FIELDS) : sentence(ctx.actor, " set the on-call pay of ", ctx.entity, payTerms(ctx))),
  "oncall-leave.create": (ctx) => withNote(sentence(ctx.actor, ctx.isActor(ctx.after.personId) ? " recorded their leave" : [" recorded leave for ", ctx.entity], span(ctx)), ctx.after.note),
  "oncall-leave.cancel": (ctx) => sentence(ctx.actor, " cancelled ", ctx.isActor(ctx.before.personId) ? "their leave" : ["the leave of ", ctx.entity], ctx.before.startsAt ? span(ctx, ctx.before) : ""),
  "holiday-calendar.create": (ctx) => sentence(ctx.actor, " created the holiday calendar ", ctx.entity, Array.isArray(ctx.after.holidays) ? ` with ${ctx.after.holidays.length} holidays` : ""),
  "holiday-calendar.update": (ctx) => edited(ctx, { name: field.plain("name"), slug: field.plain("slug") }),
  "holiday-calendar.import": (ctx) => sentence(ctx.actor, ` imported ${ctx.words.number(ctx.after.added)} holidays into `, ctx.entity),
  "holiday.create": (ctx) => sentence(ctx.actor, ` added ${String(ctx.after.name ?? "a holiday")} on ${ctx.words.date(ctx.after.date)} to `, ctx.ref("HolidayCalendar", ctx.after.calendarId, "a deleted calendar")),
  "holiday.delete": (ctx) => sentence(ctx.actor, ` removed ${String(ctx.before.name ?? "a holiday")} on ${ctx.words.date(ctx.before.date)} from `, ctx.ref("HolidayCalendar", ctx.before.calendarId, "a deleted calendar")),
} satisfies SentenceMap;
