// What an audit event's sentence is made of, and the helpers every area's `audit-sentences.ts` writes
// its formatters with ("Pat Product raised Loyalty Points' availability target from 99.0% to 99.9%").
// Pure: names come in through the context, resolved in bulk for a page (describe-audit-events.ts).
import type { AuditedEntityType } from "./audited-entities";
import { fieldWords, NONE, type ValueWords } from "./value-words";

/** Plain text, or a thing named by its current name with a link to its page (null: no page). */
export type SentencePart = string | { text: string; href: string | null };

/** One field, before → after, in words. `opaque`: the values say nothing (a body's hash): "changed the text". */
export type FieldChange = { field: string; label: string; from: string; to: string; opaque?: boolean };

export type AuditSentence = {
  parts: SentencePart[];
  /** Field-by-field changes shown under the sentence (a single change is said in the sentence itself). */
  changes: FieldChange[];
  /** Words a person wrote with the change: a vote's reason, a comment, a flag's message. */
  note?: string;
};

export type Snapshot = Record<string, unknown>;

export type SentenceContext = {
  action: string;
  entityType: string;
  entityId: string;
  /** Who did it: a person's current name (linked), a token, the CLI or Runwell itself. */
  actor: SentencePart;
  /** True when `personId` is the acting person: "opted out of", not "opted Pat Product out of". */
  isActor(personId: unknown): boolean;
  /** The entity's current name, linked; else the name its payload recorded; else "a deleted service". */
  entity: SentencePart;
  before: Snapshot;
  after: Snapshot;
  /** A referenced thing's current name, linked ("Payments" for a teamId); `otherwise` when unknown. */
  ref(type: AuditedEntityType, id: unknown, otherwise?: string): SentencePart;
  words: ValueWords;
  /** The fields that differ between before and after, said with `specs` (unknown fields by their name). */
  changes(specs?: FieldSpecs): FieldChange[];
};

export type SentenceFormatter = (ctx: SentenceContext) => AuditSentence;

/** An area's formatters, one per action it writes. */
export type SentenceMap = Record<string, SentenceFormatter>;

export type FieldSpec =
  | {
      label: string;
      say?: (value: unknown, ctx: SentenceContext) => string;
      /** Values in rising order, so a single change reads "raised" or "lowered" instead of "changed". */
      rank?: (value: unknown) => number | null;
      opaque?: boolean;
    }
  | { hidden: true };

export type FieldSpecs = Record<string, FieldSpec>;

export const textOf = (part: SentencePart) => (typeof part === "string" ? part : part.text);

/** "Loyalty Points'" and "Checkout's", keeping the link on the name. */
export function possessive(part: SentencePart): SentencePart[] {
  return [part, /s$/i.test(textOf(part)) ? "'" : "'s"];
}

export const sentence = (...parts: (SentencePart | SentencePart[])[]): AuditSentence => ({ parts: parts.flat(), changes: [] });

export const withNote = (said: AuditSentence, note: unknown): AuditSentence =>
  typeof note === "string" && note.trim() ? { ...said, note: note.trim() } : said;

/** "a, b and c" */
export function listWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

// Field specs, shared by the areas.
const str = (value: unknown) => (typeof value === "string" ? value : null);

export const field = {
  plain: (label: string): FieldSpec => ({ label }),
  words: (label: string, words: Record<string, string>, order?: readonly string[]): FieldSpec => ({
    label,
    say: (value, ctx) => (str(value) && words[value as string]) || ctx.words.any(value),
    rank: order ? (value) => (str(value) && order.includes(value as string) ? order.indexOf(value as string) : null) : undefined,
  }),
  ref: (label: string, type: AuditedEntityType): FieldSpec => ({ label, say: (value, ctx) => (value ? textOf(ctx.ref(type, value)) : NONE) }),
  refs: (label: string, type: AuditedEntityType): FieldSpec => ({
    label,
    say: (value, ctx) => (Array.isArray(value) && value.length ? listWords(value.map((id) => textOf(ctx.ref(type, id)))) : NONE),
  }),
  money: (label: string, currencyField?: string): FieldSpec => ({ label, say: (value, ctx) => ctx.words.money(value, str(ctx.after[currencyField ?? ""]) ?? undefined), rank: (v) => (typeof v === "number" ? v : null) }),
  number: (label: string, unit = ""): FieldSpec => ({ label, say: (value, ctx) => (typeof value === "number" ? `${ctx.words.number(value)}${unit}` : ctx.words.any(value)), rank: (v) => (typeof v === "number" ? v : null) }),
  date: (label: string): FieldSpec => ({ label, say: (value, ctx) => ctx.words.date(value) }),
  dateTime: (label: string): FieldSpec => ({ label, say: (value, ctx) => ctx.words.dateTime(value) }),
  text: (label: string): FieldSpec => ({ label, opaque: true }),
  hidden: { hidden: true } as FieldSpec,
};

/** Fields no event shows: ids and bookkeeping. */
const ALWAYS_HIDDEN = new Set(["id", "createdAt", "updatedAt", "position", "version"]);

/** A field a formatter did not name but whose name says what it refers to. */
const GUESSED_REFS: Record<string, AuditedEntityType> = {
  teamId: "Team", serviceId: "Service", personId: "Person", domainId: "Domain", ownerId: "Person", scheduleId: "OnCallSchedule",
  environmentId: "Environment", patternId: "DeploymentPattern", calendarId: "HolidayCalendar", holidayCalendarId: "HolidayCalendar",
  changeRequestId: "ChangeRequest", deploymentId: "Deployment", requesterId: "Person", responderId: "Person", lastReviewedById: "Person",
  replacesPersonId: "Person", createdById: "Person",
};
const GUESSED_LIST_REFS: Record<string, AuditedEntityType> = {
  serviceIds: "Service", teamIds: "Team", environmentIds: "Environment", participantIds: "Person", secondaryIds: "Person",
};

export function specFor(name: string, specs: FieldSpecs): FieldSpec {
  if (specs[name]) return specs[name]!;
  if (ALWAYS_HIDDEN.has(name)) return field.hidden;
  if (GUESSED_REFS[name]) return field.ref(fieldWords(name), GUESSED_REFS[name]!);
  if (GUESSED_LIST_REFS[name]) return field.refs(fieldWords(name), GUESSED_LIST_REFS[name]!);
  return field.plain(fieldWords(name));
}

/** The fields that differ, in the order the snapshots list them. Nothing for a creation or a deletion. */
export function fieldChanges(ctx: SentenceContext, before: Snapshot, after: Snapshot, specs: FieldSpecs): FieldChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return names.flatMap((name) => {
    const spec = specFor(name, specs);
    if ("hidden" in spec || JSON.stringify(before[name] ?? null) === JSON.stringify(after[name] ?? null)) return [];
    const say = spec.say ?? ((value: unknown) => ctx.words.any(value));
    return [{ field: name, label: spec.label, from: say(before[name], ctx), to: say(after[name], ctx), ...(spec.opaque ? { opaque: true } : {}) }];
  });
}

function verbFor(spec: FieldSpec, before: unknown, after: unknown): string {
  if ("hidden" in spec || !spec.rank) return "changed";
  const [from, to] = [spec.rank(before), spec.rank(after)];
  return from === null || to === null || from === to ? "changed" : to > from ? "raised" : "lowered";
}

/** One change said in the sentence: "raised Loyalty Points' availability target from 99.0% to 99.9%". */
export function oneChange(ctx: SentenceContext, change: FieldChange, specs: FieldSpecs): SentencePart[] {
  if (change.opaque) return [ctx.actor, " changed ", ...possessive(ctx.entity), ` ${change.label}`];
  const verb = verbFor(specFor(change.field, specs), ctx.before[change.field], ctx.after[change.field]);
  return [ctx.actor, ` ${verb} `, ...possessive(ctx.entity), ` ${change.label} from ${change.from} to ${change.to}`];
}

/**
 * The sentence of an edit: one change inline, several as "edited X" with the list below,
 * none as "saved X without changes".
 */
export function edited(ctx: SentenceContext, specs: FieldSpecs = {}, verb = "edited"): AuditSentence {
  const changes = ctx.changes(specs);
  if (changes.length === 0) return sentence(ctx.actor, " saved ", ctx.entity, " without changes");
  if (changes.length === 1) return { parts: oneChange(ctx, changes[0]!, specs), changes: [] };
  return { parts: [ctx.actor, ` ${verb} `, ctx.entity], changes };
}

/** What follows the sentence's parts in text: the person's words, then the fields changed. */
export function sentenceTail(said: AuditSentence): string {
  const changes = said.changes.map((change) => (change.opaque ? `${change.label} changed` : `${change.label}: ${change.from} → ${change.to}`));
  const note = said.note ? `: “${said.note}”` : "";
  return note + (changes.length ? `${note ? " —" : ":"} ${changes.join("; ")}` : "");
}

/** The sentence as one line of text: the evidence pack's Markdown, tests, titles. */
export function sentenceText(said: AuditSentence): string {
  return said.parts.map(textOf).join("") + sentenceTail(said);
}
