// A page of audit events in words: the names every event mentions are collected first, read with one
// query per entity type (entity-names.ts), then each event is said with them (describe-event.ts).
import type { DbTx } from "../db";
import { describeAuditEvent, namesMentioned, type AuditEventForWords, type NameBook } from "./describe-event";
import { readEntityNames } from "./entity-names";
import type { AuditSentence } from "./sentence-kit";
import { organisationSettings } from "../settings/queries";
import { DEFAULT_FORMAT, valueWords } from "./value-words";

export type Described<T> = T & { sentence: AuditSentence };

export async function describeAuditEvents<T extends AuditEventForWords>(db: DbTx, events: T[]): Promise<Described<T>[]> {
  if (events.length === 0) return [];
  const found = await readEntityNames(db, namesMentioned(events));
  const names: NameBook = { get: (type, id) => found.get(`${type}|${id}`) };
  // Money is said in the organisation's currency (an event that names its own, as old pay policies did, keeps it).
  const words = valueWords({ ...DEFAULT_FORMAT, currency: (await organisationSettings(db)).currency });
  return events.map((event) => ({ ...event, sentence: describeAuditEvent(event, names, words) }));
}
