// fast-check arbitraries for hostile API input: what a broken pipeline, a fuzzer or an attacker sends.
// Bodies are produced as JSON text and parsed with JSON.parse, as readJson does, so "__proto__" keys
// arrive as own properties exactly as they would over HTTP; queries go through URLSearchParams.
import fc from "fast-check";
import { expect } from "vitest";
import { AppError } from "../../lib/errors";

/** One seed for every property, so a failure is reproducible; fast-check prints it (with the path) in the report. */
export const SEED = Number(process.env.FC_SEED ?? 20_261_124);
/** Runs per route: enough to hit every kind of value in every field, few enough to keep the file fast. */
export const RUNS = Number(process.env.FC_RUNS ?? 200);
export const runOptions = (numRuns = RUNS) => ({ numRuns, seed: SEED });
/**
 * A property's own time limit, well above what its runs take (seconds): if vitest gave up on it at
 * its default, fast-check would go on writing in the background while the next property counts rows.
 */
export const PROPERTY_TIMEOUT_MS = 180_000;

const NASTY_TEXT = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "\ud83d",
  "\ufffe",
  "\u202e",
  "%00",
  "\\u0000",
  "'; DROP TABLE \"Deployment\"; --",
  "../../etc/passwd",
  " ",
  "",
  "\u0085\u2028",
  "🙂",
  "e\u0301",
];

/** Strings PostgreSQL or JSONB refuse (NUL, lone surrogates), odd but legal text, and huge strings. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_TEXT) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom("\u0000", "\ud800", "\udc00", "a", "1", "-", "😀"), minLength: 1, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(1_000, 10_000, 100_000, 300_000).map((length) => "a".repeat(length)) },
);

/** A valid string with a character PostgreSQL or JSONB refuses put into it, so it passes every other check. */
export function spoiled(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.constantFrom("\u0000", "\ud800", "\udfff", "\ud83d"), fc.nat()).map(([value, bad, at]) => {
    if (typeof value !== "string") return value;
    const index = at % (value.length + 1);
    return value.slice(0, index) + bad + value.slice(index);
  });
}

/** Dates PostgreSQL cannot store (year 0, six-digit years), calendar nonsense and non-dates. */
export const hostileDate: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(
    "0000-01-01T00:00:00Z",
    "0000-01-01T00:00:00+01:00",
    "0001-01-01T00:00:00Z",
    "1969-12-31T23:59:59Z",
    "9999-12-31T23:59:59.999Z",
    "9999-12-31T23:59:59-01:00",
    "+275760-09-13T00:00:00.000Z",
    "-271821-04-20T00:00:00.000Z",
    "2026-02-29T10:00:00Z",
    "2026-11-24T24:00:00Z",
    "2026-11-24T10:00:00.1234567890123Z",
    "2026-11-24",
    "2026-11-24T10:00",
    "2026-11-24T10:00:00\u0000Z",
    "now",
  ) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()) },
);

/** Numbers that do not fit an INT4 column, a safe integer or a double, as numbers and as strings. */
export const hostileNumber: fc.Arbitrary<number | string> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, 2 ** 53 + 2, 1e308, -1e308, 5e-324),
  fc.constantFrom("1e400", "-1e400", "NaN", "Infinity", "0x10", " 7 ", "", "1_000", "12abc"),
  fc.double(),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
);

/** A JSON object whose entries are kept as written: duplicate and "__proto__" keys survive into the text. */
export class JsonObject {
  constructor(readonly entries: readonly (readonly [string, unknown])[]) {}
}

/** JSON text written out as is (deep nesting, which a recursive writer would not survive). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text for values that may hold JsonObjects; undefined entries are left out, as JSON.stringify does. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (value instanceof JsonObject) {
    const parts = value.entries.filter(([, item]) => item !== undefined).map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`);
    return `{${parts.join(",")}}`;
  }
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? "null" : toJsonText(item))).join(",")}]`;
  return JSON.stringify(value) ?? "null";
}

/** What the route hands the use case: the body as JSON.parse reads it. */
export const asParsedJson = (value: unknown): unknown => JSON.parse(toJsonText(value));

const deepNesting = fc
  .tuple(fc.integer({ min: 50, max: 5000 }), fc.boolean())
  .map(([depth, array]) => new RawJson(array ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth)));

const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype"];

const pollutingObject = fc
  .constantFrom(...PROTOTYPE_KEYS)
  .map((key) => new JsonObject([[key, new JsonObject([["polluted", true], ["toString", "x"]])]]));

/** A value of the wrong type for any field. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  hostileNumber,
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 2 }),
  deepNesting,
  pollutingObject,
);

/** Keys that are not in any schema, prototype keys among them. */
const unknownKey = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, "toString", "hasOwnProperty", "id", "createdAt"), fc.string({ unit: "binary", maxLength: 12 }));

export type FieldKind = "text" | "date" | "number";

const hostileFor: Record<FieldKind, fc.Arbitrary<unknown>> = { text: hostileText, date: hostileDate, number: hostileNumber };

/** A field: how a valid value looks, and what may replace it (its kind's hostile values, a wrong type, nothing). */
export type Field = { valid: fc.Arbitrary<unknown>; hostile: fc.Arbitrary<unknown> };

export function field(valid: fc.Arbitrary<unknown>, kind: FieldKind = "text"): Field {
  return {
    valid,
    hostile: fc.oneof(
      { weight: 3, arbitrary: spoiled(valid) },
      { weight: 3, arbitrary: hostileFor[kind] },
      { weight: 2, arbitrary: wrongType },
      { weight: 1, arbitrary: fc.constant(undefined) },
    ),
  };
}

/**
 * An object of valid fields of which up to two are replaced by hostile values, plus a few unknown
 * (and prototype) keys. Corrupting few fields at a time lets each hostile value get past the others'
 * validation and reach the database, which is where the 500s came from.
 */
export function hostileObject(fields: Record<string, Field>): fc.Arbitrary<JsonObject> {
  const names = Object.keys(fields);
  const corrupted = fc
    .subarray(names, { maxLength: 2 })
    .chain((picked) => fc.tuple(...picked.map((name) => fields[name]!.hostile)).map((values) => new Map(picked.map((name, index) => [name, values[index]]))));
  const extras = fc.array(fc.tuple(unknownKey, fc.oneof(hostileText, wrongType)), { maxLength: 2 });
  return fc
    .tuple(fc.tuple(...names.map((name) => fields[name]!.valid)), corrupted, extras)
    .map(([values, replaced, extra]) => new JsonObject([...names.map((name, index) => [name, replaced.has(name) ? replaced.get(name) : values[index]] as const), ...extra]));
}

/** The same object with every field valid. */
export function validObject(fields: Record<string, Field>): fc.Arbitrary<JsonObject> {
  const names = Object.keys(fields);
  return fc.tuple(...names.map((name) => fields[name]!.valid)).map((values) => new JsonObject(names.map((name, index) => [name, values[index]] as const)));
}

/** A request body: usually an object of the route's fields, sometimes not an object at all. */
export function hostileBody(fields: Record<string, Field>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 9, arbitrary: hostileObject(fields) }, { weight: 1, arbitrary: wrongType }).map(asParsedJson);
}

/** A query parameter: a valid value, what may replace it, or nothing. */
export function param(valid: fc.Arbitrary<string>, hostile: fc.Arbitrary<string> = hostileText): Field {
  return { valid, hostile: fc.oneof({ weight: 3, arbitrary: spoiled(valid) }, { weight: 3, arbitrary: hostile }, { weight: 1, arbitrary: fc.constant(undefined) }) };
}

/** A query string's parameters as the route reads them: Object.fromEntries of the parsed URL's searchParams. */
export function hostileQuery(fields: Record<string, Field>): fc.Arbitrary<Record<string, string>> {
  return hostileObject(fields).map((object) => {
    const params = new URLSearchParams();
    for (const [key, value] of object.entries) if (value !== undefined) params.append(key, typeof value === "string" ? value : toJsonText(value));
    return Object.fromEntries(new URL(`http://portal.test/api?${params}`).searchParams);
  });
}

/** Runs a use case; a thrown value is returned for inspection rather than thrown. */
export async function settle<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** How many calls were answered and refused: a property whose input never gets through proves little. */
export class Tally {
  accepted = 0;
  refused = 0;
  /** Both paths were taken: some hostile values got past validation to the database, some were refused. */
  expectBothPaths(): void {
    expect(this.accepted, "no generated input was accepted: the arbitraries only test validation").toBeGreaterThan(0);
    expect(this.refused, "no generated input was refused").toBeGreaterThan(0);
  }
}

/**
 * The property every route keeps: the call either succeeds or refuses with an AppError of a 4xx status
 * (never an unexpected error, which handleApi answers 500), and a refusal writes nothing.
 */
export async function expectAnswerNot5xx(run: () => Promise<unknown>, count: () => Promise<unknown>, tally: Tally): Promise<void> {
  const before = await count();
  const outcome = await settle(run);
  if (outcome.ok) {
    tally.accepted += 1;
    return;
  }
  if (!(outcome.error instanceof AppError)) throw outcome.error;
  tally.refused += 1;
  expect(outcome.error.status).toBeGreaterThanOrEqual(400);
  expect(outcome.error.status).toBeLessThan(500);
  expect(await count()).toEqual(before);
}
