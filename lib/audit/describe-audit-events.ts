// A page of audit events in words: the names every event mentions are collected first, read with one
// query per entity type (entity-names.ts), then each event is said with them (describe-event.ts).
import type { DbTx } from "../db";
import { describeAuditEvent, namesMentioned, type AuditEventForWords, type NameBook } from "./describe-event";
import { readEntityNames } from "./entity-names";
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

/**
 * Events as one line of text each, with current names (the export's sentence column): one name query
 * per entity type for the whole batch. `words` is read once by the caller for a run of batches.
 */
export async function sentenceTexts(db: DbTx, events: AuditEventForWords[], words: ValueWords): Promise<string[]> {
  if (events.length === 0) return [];
  const names = await nameBook(db, events);
  return events.map((event) => sentenceText(describeAuditEvent(event, names, words)));
}
