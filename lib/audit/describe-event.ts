// One audit event as a sentence, from its formatter (audit-actions.ts) and the current names of what it
// mentions. Pure: the names come in as a book; describe-audit-events.ts fills the book in bulk.
import { AUDIT_SENTENCES, isAuditAction } from "./audit-actions";
import type { AuditedEntityType } from "./audited-entities";
import { ENTITY_NAMES, type NamedThing } from "./entity-names";
import { fieldChanges, sentence, type AuditSentence, type SentenceContext, type SentencePart, type Snapshot } from "./sentence-kit";
import { fieldWords, valueWords, type ValueWords } from "./value-words";

export type AuditEventForWords = {
  action: string;
  entityType: string;
  entityId: string;
  actorId: string | null;
  actorLabel: string;
  actorKind: string;
  before: unknown;
  after: unknown;
};

/** Current names by entity type and id; `undefined` for a thing that no longer exists. */
export type NameBook = { get(type: string, id: string): NamedThing | undefined };

const snapshot = (value: unknown): Snapshot => (value && typeof value === "object" && !Array.isArray(value) ? (value as Snapshot) : {});

export function nounOf(entityType: string): string {
  return ENTITY_NAMES[entityType as AuditedEntityType]?.noun ?? fieldWords(entityType);
}

/** The name an event's own payload recorded, for things since deleted. */
function payloadName(entityType: string, before: Snapshot, after: Snapshot): string | null {
  for (const record of [after, before]) {
    if (entityType === "ChangeRequest" && typeof record.number === "number") return `CHG-${record.number}`;
    if (entityType === "Deployment" && typeof record.version === "string") return [record.service, record.version].filter((part) => typeof part === "string").join(" ");
    for (const key of ["name", "title", "label", "slug", "email"]) {
      if (typeof record[key] === "string" && record[key]) return record[key] as string;
    }
  }
  return null;
}

/** Who acted: a person by their current name; a token, the CLI or Runwell itself by their label. */
function actorPart(event: AuditEventForWords, names: NameBook): SentencePart {
  if (event.actorKind === "PERSON") {
    const person = event.actorId ? names.get("Person", event.actorId) : undefined;
    return person ? { text: person.name, href: person.href } : event.actorLabel.replace(/\s*<[^>]*>$/, "");
  }
  if (event.actorKind === "TOKEN") {
    const token = event.actorId ? names.get("ApiToken", event.actorId) : undefined;
    return token ? { text: `Token ${token.name}`, href: token.href } : `Token ${event.actorLabel}`;
  }
  if (event.actorKind === "CLI") return `${event.actorLabel.replace(/^cli:/, "")} (command line)`;
  return `Runwell (${event.actorLabel})`;
}

function context(event: AuditEventForWords, names: NameBook, words: ValueWords): SentenceContext {
  const before = snapshot(event.before);
  const after = snapshot(event.after);
  const named = names.get(event.entityType, event.entityId);
  const entity: SentencePart = named
    ? { text: named.name, href: named.href }
    : (payloadName(event.entityType, before, after) ?? `a deleted ${nounOf(event.entityType)}`);
  const ctx: SentenceContext = {
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    actor: actorPart(event, names),
    isActor: (personId) => event.actorKind === "PERSON" && event.actorId !== null && personId === event.actorId,
    entity,
    before,
    after,
    words,
    ref(type, id, otherwise) {
      const found = typeof id === "string" && id ? names.get(type, id) : undefined;
      return found ? { text: found.name, href: found.href } : (otherwise ?? `a deleted ${nounOf(type)}`);
    },
    // A creation or a deletion has nothing to compare: only edits list fields.
    changes: (specs = {}) => (event.before && event.after ? fieldChanges(ctx, before, after, specs) : []),
  };
  return ctx;
}

/** An action no formatter knows (an event written before it was renamed): said generically. */
function unknownAction(ctx: SentenceContext): AuditSentence {
  const changes = ctx.changes();
  if (changes.length) return { parts: [ctx.actor, ` recorded ${ctx.action} on `, ctx.entity], changes };
  return sentence(ctx.actor, ` recorded ${ctx.action} on the ${nounOf(ctx.entityType)} `, ctx.entity);
}

export function describeAuditEvent(event: AuditEventForWords, names: NameBook, words: ValueWords = valueWords()): AuditSentence {
  const ctx = context(event, names, words);
  const formatter = isAuditAction(event.action) ? AUDIT_SENTENCES[event.action] : unknownAction;
  try {
    return formatter(ctx);
  } catch {
    // A payload older than its formatter: say what is certain rather than fail the page.
    return unknownAction(ctx);
  }
}

/** The names a page of events mentions, found by saying every event once with a book that records. */
export function namesMentioned(events: AuditEventForWords[]): Map<string, Set<string>> {
  const wanted = new Map<string, Set<string>>();
  const recorder: NameBook = {
    get(type, id) {
      if (!wanted.has(type)) wanted.set(type, new Set());
      wanted.get(type)!.add(id);
      return undefined;
    },
  };
  const words = valueWords();
  for (const event of events) describeAuditEvent(event, recorder, words);
  return wanted;
}
