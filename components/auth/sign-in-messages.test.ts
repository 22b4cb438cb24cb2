import { describe, expect, it } from "vitest";
import { safeCallbackPath, signInErrorMessage } from "./sign-in-messages";

const origin = "https://runwell.example";

describe("safeCallbackPath", () => {
  it.each([
    [undefined, "/"],
    ["", "/"],
    ["/teams/checkout", "/teams/checkout"],
    ["/people?q=ada", "/people?q=ada"],
    ["https://runwell.example/services?team=ledger#top", "/services?team=ledger#top"],
    ["https://evil.example/steal", "/"],
    ["//evil.example/steal", "/"],
    ["javascript:alert(1)", "/"],
    ["/sign-in?error=NoEmail", "/"],
  ])("%s → %s", (raw, expected) => {
    expect(safeCallbackPath(raw, origin)).toBe(expected);
  });
});

describe("signInErrorMessage", () => {
  it("explains the errors our sign-in callback sends", () => {
    expect(signInErrorMessage("NotRegistered")).toContain("npm run -s cli -- person add");
    expect(signInErrorMessage("Deactivated")).toContain("deactivated");
    expect(signInErrorMessage("NoEmail")).toContain("email");
  });
  it("falls back to a generic message for unknown codes and says nothing without one", () => {
    expect(signInErrorMessage("SomethingNew")).toMatch(/did not complete/);
    expect(signInErrorMessage(undefined)).toBeNull();
  });
});
