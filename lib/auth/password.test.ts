import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  const stored = hashPassword("runwell-demo");

  it("stores scrypt with a salt, never the password", () => {
    expect(stored).toMatch(/^scrypt\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    expect(stored).not.toContain("runwell-demo");
  });

  it("salts every hash", () => {
    expect(hashPassword("runwell-demo")).not.toBe(stored);
  });

  it.each<[string, boolean]>([
    ["runwell-demo", true],
    ["runwell-demo ", false],
    ["Runwell-demo", false],
    ["", false],
  ])("verifies %j: %s", (attempt, expected) => {
    expect(verifyPassword(attempt, stored)).toBe(expected);
  });

  it("never accepts a corrupt hash whose key decodes short or empty", () => {
    const salt = stored.split("$")[1];
    for (const key of ["=", "!!!!", "AAAA"]) expect(verifyPassword("anything", `scrypt$${salt}$${key}`)).toBe(false);
  });

  it("accepts an empty password only when that is what was hashed", () => {
    expect(verifyPassword("", hashPassword(""))).toBe(true);
  });

  it.each<[string, string | null | undefined]>([
    ["no hash", null],
    ["undefined", undefined],
    ["empty", ""],
    ["another scheme", stored.replace("scrypt$", "bcrypt$")],
    ["missing key", stored.split("$").slice(0, 2).join("$")],
    ["missing salt and key", "scrypt"],
  ])("refuses a stored value with %s", (_case, value) => {
    expect(verifyPassword("runwell-demo", value)).toBe(false);
  });
});
