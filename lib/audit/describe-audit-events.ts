// A page of audit events in words: the names every event mentions are collected first, read with one
// query per entity type (entity-names.ts), then each event is said with them (describe-event.ts).
import type { DbTx } from "../db";
import { describeAuditEvent, namesMentioned, type AuditEventForWords, type NameBook } from "./describe-event";
import { readEntityNames, type NamedThing } from "./entity-names";
import { sentenceText, type AuditSentence } from "./sentence-kit";
import { organisationSettings } from "../settings/queries";
import { DEFAULT_FORMAT, valueWords, type ValueWords } from "./value-words";

export type Described<T> = T & { sentence: AuditSentence };

/** How values are said here: money in the organisation's currency (an event that names its own, as old pay policies did, keeps it). */
export async function organisationWords(db: DbTx): Promise<ValueWords> {
  return valueWords({ ...DEFAULT_FORMAT, currency: (await organisationSettings(db)).currency });
}

async function nameBook(db: DbTx, events: AuditEventForWords[]): Promise<NameBook> {
  const found = await readEntityNames(db, namesMentioned(events));
  return { get: (type, id) => found.get(`${type}|${id}`) };
}

export async function describeAuditEvents<T extends AuditEventForWords>(db: DbTx, events: T[]): Promise<Described<T>[]> {
  if (events.length === 0) return [];
  const [names, words] = await Promise.all([nameBook(db, events), organisationWords(db)]);
  return events.map((event) => ({ ...event, sentence: describeAuditEvent(event, names, words) }));
}

/** Names already read during one export, by "type|id" (null: no such thing any more), bounded. */
export type NameCache = Map<string, NamedThing | null>;
const NAME_CACHE_LIMIT = 50_000;

/**
 * Events as one line of text each, with current names (the export's sentence column): one name query
 * per entity type for the ids not read earlier in the same export (`cache`, kept by the caller across
 * batches: a trail names the same services and people again and again). `words` is read once too.
 */
export async function sentenceTexts(db: DbTx, events: AuditEventForWords[], words: ValueWords, cache: NameCache = new Map()): Promise<string[]> {
  if (events.length === 0) return [];
  const unknown = new Map<string, Set<string>>();
  for (const [type, ids] of namesMentioned(events)) {
    const fresh = [...ids].filter((id) => !cache.has(`${type}|${id}`));
    if (fresh.length) unknown.set(type, new Set(fresh));
  }
  if (unknown.size) {
    const found = await readEntityNames(db, unknown);
    if (cache.size > NAME_CACHE_LIMIT) cache.clear();
    for (const [type, ids] of unknown) for (const id of ids) cache.set(`${type}|${id}`, found.get(`${type}|${id}`) ?? null);
  }
  const names: NameBook = { get: (type, id) => cache.get(`${type}|${id}`) ?? undefined };
  return events.map((event) => sentenceText(describeAuditEvent(event, names, words)));
}
