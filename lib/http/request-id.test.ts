import { describe, expect, it } from "vitest";
import { requestIdFrom } from "./request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("request ids", () => {
  it.each(["abc-123", "Root=1-67891233-abcdef012345678912345678", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "a".repeat(128)])(
    "keeps the sane incoming id %s",
    (incoming) => expect(requestIdFrom(incoming)).toBe(incoming),
  );

  it.each([undefined, null, "", "a".repeat(129), "two words", 'quote"d', "new\nline", "tab\t", "ünïcode", "{\"json\":1}"])(
    "replaces %j with a new UUID",
    (incoming) => expect(requestIdFrom(incoming)).toMatch(UUID),
  );

  it("takes the first of repeated headers", () => {
    expect(requestIdFrom(["first-id", "second-id"])).toBe("first-id");
  });

  it("gives every request without one a different id", () => {
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});
