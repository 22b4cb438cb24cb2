import { describe, expect, it } from "vitest";
import { transitionOutcome } from "./status-transitions";

describe("transitionOutcome", () => {
  it.each([
    [null, "STARTED", "create"],
    [null, "SUCCEEDED", "create"],
    ["STARTED", "STARTED", "replay"],
    ["STARTED", "SUCCEEDED", "update"],
    ["STARTED", "FAILED", "update"],
    ["STARTED", "ROLLED_BACK", "update"],
    ["SUCCEEDED", "SUCCEEDED", "replay"],
    ["SUCCEEDED", "STARTED", "invalid"],
    ["SUCCEEDED", "FAILED", "invalid"],
    ["SUCCEEDED", "ROLLED_BACK", "update"],
    ["FAILED", "SUCCEEDED", "invalid"],
    ["FAILED", "ROLLED_BACK", "update"],
    ["ROLLED_BACK", "SUCCEEDED", "invalid"],
    ["ROLLED_BACK", "ROLLED_BACK", "replay"],
  ] as const)("%s → %s is %s", (current, reported, expected) => {
    expect(transitionOutcome(current, reported)).toBe(expected);
  });
});
