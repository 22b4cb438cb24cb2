import { describe, expect, it } from "vitest";
import { INSTANT_RANGE_MESSAGE, isSaneInstant, safeDay, safeInstant } from "./instant";

const FORMAT = "Give startedAt as an ISO 8601 date-time.";
const startedAt = safeInstant(FORMAT);
const firstMessage = (value: unknown) => {
  const result = startedAt.safeParse(value);
  return result.success ? null : result.error.issues[0]!.message;
};

describe("safeInstant", () => {
  it.each([
    ["UTC", "2026-11-24T10:00:00Z", null],
    ["an offset", "2026-11-24T10:00:00+05:30", null],
    ["milliseconds", "2026-11-24T10:00:00.123Z", null],
    ["more fractional digits than JavaScript keeps", "2026-11-24T10:00:00.1234567890123Z", null],
    ["the first accepted instant", "1970-01-01T00:00:00Z", null],
    ["the last accepted instant", "9999-12-31T23:59:59.999Z", null],
    ["year 0000 (PostgreSQL has no year 0)", "0000-01-01T00:00:00Z", INSTANT_RANGE_MESSAGE],
    ["year 0001", "0001-01-01T00:00:00Z", INSTANT_RANGE_MESSAGE],
    ["just before the epoch", "1969-12-31T23:59:59.999Z", INSTANT_RANGE_MESSAGE],
    ["the epoch moved before itself by an offset", "1970-01-01T00:30:00+01:00", INSTANT_RANGE_MESSAGE],
    ["year 9999 moved into 10000 by an offset", "9999-12-31T23:30:00-01:00", INSTANT_RANGE_MESSAGE],
    ["a six-digit year", "+275760-09-13T00:00:00.000Z", FORMAT],
    ["no zone", "2026-11-24T10:00:00", FORMAT],
    ["a date only", "2026-11-24", FORMAT],
    ["a day that does not exist", "2026-02-29T10:00:00Z", FORMAT],
    ["hour 24", "2026-11-24T24:00:00Z", FORMAT],
    ["a NUL", "2026-11-24T10:00:00\u0000Z", FORMAT],
    ["a number", 1_795_514_400_000, FORMAT],
  ])("%s", (_, value, expected) => {
    expect(firstMessage(value)).toBe(expected);
  });

  it("keeps the string as sent", () => {
    expect(startedAt.parse("2026-11-24T10:00:00+05:30")).toBe("2026-11-24T10:00:00+05:30");
  });
});

describe("isSaneInstant", () => {
  it.each([
    [new Date("2026-11-24T10:00:00Z"), true],
    [new Date("1970-01-01T00:00:00Z"), true],
    [new Date("9999-12-31T23:59:59.999Z"), true],
    [new Date("1969-12-31T23:59:59.999Z"), false],
    [new Date("+010000-01-01T00:00:00Z"), false],
    [new Date("not a date"), false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
  ])("%s → %s", (date, expected) => {
    expect(isSaneInstant(date)).toBe(expected);
  });
});

describe("safeDay", () => {
  const day = safeDay("Give the date as YYYY-MM-DD.");
  it.each([
    ["a day", "2026-11-24", null],
    ["the first day", "1970-01-01", null],
    ["the last day", "9999-12-31", null],
    ["year 0000", "0000-01-01", INSTANT_RANGE_MESSAGE],
    ["a day that does not exist", "2026-02-30", "Give the date as YYYY-MM-DD."],
    ["a date-time", "2026-11-24T10:00:00Z", "Give the date as YYYY-MM-DD."],
  ])("%s", (_, value, expected) => {
    const result = day.safeParse(value);
    expect(result.success ? null : result.error.issues[0]!.message).toBe(expected);
  });
});
