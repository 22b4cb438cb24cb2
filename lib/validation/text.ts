// Text the database can store. PostgreSQL refuses NUL (U+0000) in text columns and JSONB refuses it and
// lone UTF-16 surrogates (half of an emoji, say) in the audit trail's before/after; a lone surrogate in
// a text column would be stored as U+FFFD instead, silently changing what was sent. Every schema field
// that takes text is built from these, so such input is a field error (422), never a failed insert (500).
import { z } from "zod";

export const NUL_MESSAGE = "Remove the NUL character (U+0000): text cannot contain it.";
export const SURROGATE_MESSAGE = "Remove the broken character: the text holds half of a UTF-16 surrogate pair, which is not valid Unicode.";

// With the u flag, a paired surrogate is one astral code point; \p{Cs} matches only unpaired halves.
const LONE_SURROGATE = /\p{Cs}/u;

/** Why the text cannot be stored as sent, or null when it can. */
export function unstorableTextReason(value: string): string | null {
  if (value.includes("\u0000")) return NUL_MESSAGE;
  if (LONE_SURROGATE.test(value)) return SURROGATE_MESSAGE;
  return null;
}

/**
 * Adds the storable-text checks to a string-shaped schema whose own format check cannot come after
 * them (z.url(), z.email()). Aborting: the field gets this message, not a second one.
 */
export function storable<T extends z.ZodType<string>>(schema: T): T {
  return schema
    .refine((value) => !value.includes("\u0000"), { message: NUL_MESSAGE, abort: true })
    .refine((value) => !LONE_SURROGATE.test(value), { message: SURROGATE_MESSAGE, abort: true });
}

/**
 * z.string() that refuses NUL and lone surrogates first, before the caller's trim, length and
 * pattern checks (so the message names the real problem). `params` is z.string()'s, e.g. the message
 * for a missing or non-string value.
 */
export function safeText(params?: string | { message?: string }) {
  return storable(z.string(params));
}

/** Ids and slugs named in paths, queries and forms: storable, trimmed, non-empty, bounded (cuids and uuids are short). */
export function safeId(message = "Give an id.", max = 100) {
  return safeText({ message }).trim().min(1, message).max(max, `At most ${max} characters.`);
}
