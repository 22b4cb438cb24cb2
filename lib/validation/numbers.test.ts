import { describe, expect, it } from "vitest";
import { boundedInt, INT4_MAX, INT4_MIN } from "./numbers";

const rate = boundedInt({ min: 0, max: 1_000_000 }, { type: "Enter whole pence.", min: "Rates cannot be negative." });
const firstMessage = (value: unknown) => {
  const result = rate.safeParse(value);
  return result.success ? null : result.error.issues[0]!.message;
};

describe("boundedInt", () => {
  it.each([
    ["a number", 250, null],
    ["a form's string", "250", null],
    ["the bounds themselves", "1000000", null],
    ["zero", 0, null],
    ["below the minimum", -1, "Rates cannot be negative."],
    ["above the maximum", 1_000_001, "At most 1,000,000."],
    ["beyond INT4", 2 ** 31, "At most 1,000,000."],
    ["a fraction", 2.5, "Enter whole pence."],
    ["an unsafe integer", 2 ** 53 + 2, "Enter whole pence."],
    ["an overflowing literal", "1e400", "Enter whole pence."],
    ["NaN", "NaN", "Enter whole pence."],
    ["words", "twelve", "Enter whole pence."],
    ["an object", {}, "Enter whole pence."],
  ])("%s", (_, value, expected) => {
    expect(firstMessage(value)).toBe(expected);
  });

  it("returns a number", () => {
    expect(rate.parse(" 42 ")).toBe(42);
  });

  it.each([
    [{ min: 0, max: INT4_MAX + 1 }],
    [{ min: INT4_MIN - 1, max: 0 }],
    [{ min: 5, max: 1 }],
    [{ min: 0.5, max: 1 }],
  ])("refuses bounds %j that do not fit an INT4 column", (bounds) => {
    expect(() => boundedInt(bounds)).toThrow(RangeError);
  });
});
