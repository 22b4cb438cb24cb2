import { describe, expect, it } from "vitest";
import { parsePeopleFilters } from "./schemas";

describe("parsePeopleFilters", () => {
  it.each([
    [{}, {}],
    [{ q: "  ada  " }, { q: "ada" }],
    [{ q: "" }, {}],
    [{ role: "ADMIN" }, { role: "ADMIN" }],
    [{ role: "admin" }, {}],
    [{ role: "OWNER" }, {}],
    [{ q: ["first", "second"], role: ["ENGINEER", "ADMIN"] }, { q: "first", role: "ENGINEER" }],
    [{ q: "x".repeat(101) }, {}],
  ])("%j → %j", (params, expected) => {
    const filters = parsePeopleFilters(params);
    expect({ q: filters.q, role: filters.role }).toEqual({ q: undefined, role: undefined, ...expected });
  });
});
