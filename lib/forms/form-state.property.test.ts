// Property: whatever names and values a form posts, formDataToObject either returns plain data or
// refuses with a 4xx AppError; it never throws anything else (a 500), never touches a prototype, and
// its output holds only strings, compact arrays and objects without a prototype.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { formDataToObject } from "./form-state";

const SEED = Number(process.env.FC_SEED ?? 20_261_124);
const RUNS = Number(process.env.FC_RUNS ?? 500);

/** Segments a hostile form uses: prototype and array words, row numbers of every size, odd text. */
const segment = fc.oneof(
  fc.constantFrom("name", "links", "url", "0", "1", "2", "__proto__", "prototype", "constructor", "toString", "hasOwnProperty", "valueOf", "length", "", "$ACTION_ID_1"),
  fc.nat({ max: 99_999 }).map(String),
  // Large enough to show a walk over a sparse array (seconds), small enough that a regression fails
  // in seconds rather than hanging the run (4294967294 would take hours).
  fc.constantFrom("99999999", "00001", "-1", "1e3", "0x10", " 1"),
  fc.string({ unit: "binary", maxLength: 6 }),
);
const fieldName = fc.oneof({ weight: 4, arbitrary: fc.array(segment, { minLength: 1, maxLength: 10 }).map((parts) => parts.join(".")) }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) });
const fieldValue = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom("99999999", "abc", "-1", "\u0000") },
  { weight: 1, arbitrary: fc.constant(new Blob(["file"])) },
);
/** Rows of one list usually come together; mixing in stray names covers the rest. */
const form = fc.array(fc.tuple(fieldName, fieldValue), { maxLength: 25 }).map((entries) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
});

function prototypeState() {
  const describe = (target: object) => Object.getOwnPropertyNames(target).map((key) => [key, Object.getOwnPropertyDescriptor(target, key)?.value]);
  return { object: describe(Object.prototype), array: describe(Array.prototype), fn: describe(Function.prototype) };
}

/** Only strings, hole-free arrays and prototype-less objects with no prototype-naming keys. */
function expectPlainData(value: unknown, path = "result"): void {
  if (typeof value === "string") return;
  if (Array.isArray(value)) {
    expect(Object.getPrototypeOf(value), path).toBe(Array.prototype);
    expect(value.length, `${path} is a compact array`).toBe(Object.keys(value).length);
    value.forEach((item, index) => expectPlainData(item, `${path}.${index}`));
    return;
  }
  expect(typeof value === "object" && value !== null, `${path} is a string, an array or an object`).toBe(true);
  expect(Object.getPrototypeOf(value), `${path} has no prototype`).toBeNull();
  for (const [key, item] of Object.entries(value as object)) {
    expect(["__proto__", "prototype", "constructor"], `${path} has no key "${key}"`).not.toContain(key);
    expectPlainData(item, `${path}.${key}`);
  }
}

describe("formDataToObject on hostile forms", () => {
  it("returns plain data or refuses with a 4xx AppError, and never touches a prototype", () => {
    const before = prototypeState();
    fc.assert(
      fc.property(form, (data) => {
        let result: unknown;
        try {
          result = formDataToObject(data);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).status).toBeGreaterThanOrEqual(400);
          expect((error as AppError).status).toBeLessThan(500);
          return;
        } finally {
          expect(prototypeState()).toEqual(before);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }
        expectPlainData(result);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it.each([
    ["a huge row number after a row list", [["links.0", "a"], ["links.99999999", "b"]]],
    ["a huge row number under a row", [["links.0.url", "a"], ["links.99999999.url", "b"]]],
    ["a row list's length set to a huge number", [["links.0", "a"], ["links.length", "99999999"]]],
    ["a row list's length set to text (a RangeError before)", [["links.0", "a"], ["links.length", "abc"]]],
    ["a named field under a row list", [["links.0", "a"], ["links.url", "b"]]],
  ])("refuses %s: only row numbers go under a row list", (_, entries) => {
    const data = new FormData();
    for (const [name, value] of entries) data.append(name!, value!);
    expect(() => formDataToObject(data)).toThrow(AppError);
  });
});
