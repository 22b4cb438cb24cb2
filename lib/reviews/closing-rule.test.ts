import { describe, expect, it } from "vitest";
import { closingRefusal } from "./closing-rule";

describe("closingRefusal", () => {
  it.each([
    ["no review: closes", null, null],
    ["published review: closes", { number: 7, status: "PUBLISHED" as const }, null],
    ["collecting: refused", { number: 7, status: "COLLECTING" as const }, "The incident closes once its review PIR-7 is published (it is collecting analyses)."],
    ["drafting: refused", { number: 8, status: "DRAFTING" as const }, "The incident closes once its review PIR-8 is published (it is being drafted)."],
  ])("%s", (_name, review, expected) => {
    expect(closingRefusal(review)).toBe(expected);
  });
});
