import { describe, expect, it } from "vitest";
import { formatSpan } from "./labels";

describe("formatSpan", () => {
  it.each([
    [null, "—"],
    [90_000, "2m"],
    [59 * 60_000, "59m"],
    [60 * 60_000, "1h"],
    [330 * 60_000, "5h 30m"],
    [(3 * 24 + 4) * 3_600_000, "3d 4h"],
    [48 * 3_600_000, "2d"],
  ] as const)("%s → %s", (ms, text) => {
    expect(formatSpan(ms)).toBe(text);
  });
});
