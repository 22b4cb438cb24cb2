// Instants the database can store and the domain can reason about. PostgreSQL's timestamp(3) reaches
// from 4713 BC to 294276 AD, but the driver writes dates as ISO text, and years 0000 and below or
// above 9999 do not survive that (year 0 does not exist in PostgreSQL's calendar; six-digit years
// are not its input syntax). No deployment, change window, shift or leave of ours lies before the Unix
// epoch, so the accepted range is 1970-01-01T00:00:00Z up to the end of 9999 (UTC), checked on the
// instant itself, after any offset (9999-12-31T23:30-01:00 is already year 10000).
import { z } from "zod";

export const EARLIEST_INSTANT = new Date("1970-01-01T00:00:00.000Z");
export const LATEST_INSTANT = new Date("9999-12-31T23:59:59.999Z");
export const INSTANT_RANGE_MESSAGE = "Give a date between 1970-01-01 and 9999-12-31 (UTC).";

/** True for a real date within the accepted range. */
export function isSaneInstant(date: Date | number): boolean {
  const ms = typeof date === "number" ? date : date.getTime();
  return Number.isFinite(ms) && ms >= EARLIEST_INSTANT.getTime() && ms <= LATEST_INSTANT.getTime();
}

/**
 * An ISO 8601 date-time with a zone (Z or an offset), e.g. 2026-11-26T10:00:00Z, within the accepted
 * range; the output stays the string as sent. `message` says what the field must look like.
 */
export function safeInstant(message = "Give an ISO 8601 date-time, e.g. 2026-11-26T10:00:00Z.") {
  return z.iso
    .datetime({ offset: true, message })
    .refine((value) => !Number.isNaN(Date.parse(value)), { message, abort: true })
    .refine((value) => isSaneInstant(Date.parse(value)), { message: INSTANT_RANGE_MESSAGE, abort: true });
}

/** A calendar day, YYYY-MM-DD, within the accepted range (read as UTC midnight). */
export function safeDay(message = "Give a date as YYYY-MM-DD.") {
  return z.iso
    .date({ message })
    .refine((value) => isSaneInstant(Date.parse(value)), { message: INSTANT_RANGE_MESSAGE, abort: true });
}
