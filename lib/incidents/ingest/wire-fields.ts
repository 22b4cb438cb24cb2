// Field shapes the alerting tools' formats share: label maps, links and instants, each checked so that
// hostile input (NUL bytes, huge maps, javascript: links, year 0001) is a field error, never a 500.
import { z } from "zod";
import { safeText, unstorableTextReason } from "../../validation/text";
import { isSaneInstant } from "../../validation/instant";

export const MAX_LABELS = 100;
const MAX_KEY = 200;

/** A string → string map (Prometheus labels and annotations); `__` names are Prometheus' own and never sent on. */
export function labelMap(what: string, maxValue: number) {
  return z
    .record(
      safeText().min(1, `A ${what} needs a name.`).max(MAX_KEY, `A ${what} name has at most ${MAX_KEY} characters.`)
        .refine((key) => !key.startsWith("__"), { message: `${what} names starting with "__" are reserved.` }),
      safeText({ message: `A ${what}'s value is text.` }).max(maxValue, `A ${what}'s value has at most ${maxValue.toLocaleString("en")} characters.`),
      { message: `Give the ${what}s as an object of names to text values.` },
    )
    .refine((map) => Object.keys(map).length <= MAX_LABELS, { message: `At most ${MAX_LABELS} ${what}s.` });
}

/** A link to show on the timeline: http(s) only (an alert is not allowed to put javascript: on a page); "" is none. */
export function linkUrl(message: string) {
  return safeText({ message })
    .max(4000, "A link has at most 4,000 characters.")
    .refine((value) => value === "" || isHttpUrl(value), { message })
    .transform((value) => (value === "" ? null : value));
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * An RFC 3339 instant as the tools write it (Go's nanoseconds included), normalised to UTC ISO; Go's
 * zero time (0001-01-01T00:00:00Z, Alertmanager's "no end yet") is null.
 */
export function toolInstant(message: string) {
  return safeText({ message })
    .max(64, message)
    .transform((value, ctx) => {
      if (value === "" || value.startsWith("0001-01-01")) return null;
      // PagerDuty's own example writes the offset without a colon (+0000).
      const ms = Date.parse(value.replace(/([+-]\d\d)(\d\d)$/, "$1:$2"));
      if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/i.test(value) || !isSaneInstant(ms)) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return new Date(ms).toISOString();
    });
}

const MAX_DEPTH = 10;
export const MAX_DETAILS_BYTES = 64 * 1024;

/**
 * Free-form JSON (PagerDuty's custom_details): any shape, but storable in JSONB (no NUL, no lone
 * surrogates, in keys or strings), at most MAX_DEPTH deep and MAX_DETAILS_BYTES as JSON.
 */
export const storableJson = z.unknown().superRefine((value, ctx) => {
  const walk = (node: unknown, path: (string | number)[], depth: number): boolean => {
    if (depth > MAX_DEPTH) {
      ctx.addIssue({ code: "custom", path, message: `Nest details at most ${MAX_DEPTH} levels deep.` });
      return false;
    }
    if (typeof node === "string") {
      const reason = unstorableTextReason(node);
      if (reason) ctx.addIssue({ code: "custom", path, message: reason });
      return !reason;
    }
    if (Array.isArray(node)) return node.every((item, i) => walk(item, [...path, i], depth + 1));
    if (node && typeof node === "object") {
      return Object.entries(node).every(([key, item]) => {
        const reason = unstorableTextReason(key);
        if (reason) ctx.addIssue({ code: "custom", path: [...path, key], message: reason });
        return !reason && walk(item, [...path, key], depth + 1);
      });
    }
    return true;
  };
  if (walk(value, [], 0) && JSON.stringify(value ?? null).length > MAX_DETAILS_BYTES) {
    ctx.addIssue({ code: "custom", message: `Details are at most ${MAX_DETAILS_BYTES / 1024} kB as JSON.` });
  }
});
