import { describe, expect, it } from "vitest";
import { oversizedServerAction } from "./request-limits";

describe("oversizedServerAction", () => {
  it("refuses a server action by its declared length, before Next.js reads it", () => {
    const action = (length: number) => new Headers({ "next-action": "abc", "content-length": String(length) });
    expect(oversizedServerAction("POST", action(1024 * 1024))).toBe(false);
    expect(oversizedServerAction("POST", action(1024 * 1024 + 1))).toBe(true);
    expect(oversizedServerAction("POST", new Headers({ "content-length": "9999999" }))).toBe(false);
    expect(oversizedServerAction("GET", action(9_999_999))).toBe(false);
  });
});
