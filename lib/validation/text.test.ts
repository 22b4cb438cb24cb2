import { describe, expect, it } from "vitest";
import { z } from "zod";
import { NUL_MESSAGE, safeId, safeText, storable, SURROGATE_MESSAGE, unstorableTextReason } from "./text";

const firstMessage = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? null : result.error.issues[0]!.message;
};

describe("unstorableTextReason", () => {
  it.each([
    ["plain text", "Deploy checkout 1.2.3", null],
    ["an empty string", "", null],
    ["a paired surrogate (an emoji)", "ship it 🚀", null],
    ["combining marks and RTL", "e\u0301 \u202eabc", null],
    ["U+FFFD itself", "\ufffd", null],
    ["a NUL", "a\u0000b", NUL_MESSAGE],
    ["only a NUL", "\u0000", NUL_MESSAGE],
    ["a lone high surrogate", "x\ud83d", SURROGATE_MESSAGE],
    ["a lone low surrogate", "\ude80y", SURROGATE_MESSAGE],
    ["surrogates in the wrong order", "\ude80\ud83d", SURROGATE_MESSAGE],
    ["a NUL and a lone surrogate (NUL named first)", "\ud800\u0000", NUL_MESSAGE],
    ["the text \\u0000, not the character", "\\u0000", null],
  ])("%s", (_, value, expected) => {
    expect(unstorableTextReason(value)).toBe(expected);
  });
});

describe("safeText", () => {
  const title = safeText({ message: "Give a title." }).trim().min(3, "At least 3 characters.").max(10, "At most 10 characters.");

  it.each([
    ["a valid title", "  Failover ", null],
    ["a NUL, named before the length", "\u0000", NUL_MESSAGE],
    ["a NUL inside valid text", "Fail\u0000over", NUL_MESSAGE],
    ["a lone surrogate", "Fail\ud800", SURROGATE_MESSAGE],
    ["too short (the caller's checks still run)", "ab", "At least 3 characters."],
    ["too long", "a".repeat(11), "At most 10 characters."],
    ["not a string", 42, "Give a title."],
    ["missing", undefined, "Give a title."],
  ])("%s", (_, value, expected) => {
    expect(firstMessage(title, value)).toBe(expected);
  });

  it("gives one message for unstorable text, not one per later check", () => {
    const result = title.safeParse("\u0000");
    expect(result.success || result.error.issues).toEqual([expect.objectContaining({ message: NUL_MESSAGE, path: [] })]);
  });

  it("trims after checking, and returns the trimmed text", () => {
    expect(title.parse("  Failover ")).toBe("Failover");
  });
});

describe("storable around a format schema", () => {
  const url = storable(z.url({ message: "Give a URL." }));
  it.each([
    ["a URL", "https://ci.example.com/run/1", null],
    ["a URL with a NUL (z.url alone accepts it)", "https://ci.example.com/\u0000", NUL_MESSAGE],
    ["a URL with a lone surrogate", "https://ci.example.com/\ud800", SURROGATE_MESSAGE],
    ["not a URL", "ci", "Give a URL."],
  ])("%s", (_, value, expected) => {
    expect(firstMessage(url, value)).toBe(expected);
  });
});

describe("safeId", () => {
  const id = safeId("Choose a team.");
  it.each([
    ["a cuid", "clx1abcdefghijklmnopqrstu", null],
    ["an id with spaces around", "  abc ", null],
    ["empty", "", "Choose a team."],
    ["blank", "   ", "Choose a team."],
    ["a NUL", "abc\u0000", NUL_MESSAGE],
    ["too long", "a".repeat(101), "At most 100 characters."],
    ["a number", 7, "Choose a team."],
  ])("%s", (_, value, expected) => {
    expect(firstMessage(id, value)).toBe(expected);
  });
});
