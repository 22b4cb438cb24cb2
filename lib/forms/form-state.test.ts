import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { formDataToObject } from "./form-state";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

function refusal(entries: [string, string][]): AppError {
  try {
    formDataToObject(form(entries));
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the form to be refused");
}

describe("formDataToObject", () => {
  it("nests dotted names into objects and arrays, compacting removed rows", () => {
    expect(
      formDataToObject(form([["name", "Checkout"], ["links.0.kind", "DASHBOARD"], ["links.0.url", "https://a.test"], ["links.2.kind", "DOCS"], ["$ACTION_ID_abc", ""]])),
    ).toEqual({ name: "Checkout", links: [{ kind: "DASHBOARD", url: "https://a.test" }, { kind: "DOCS" }] });
  });

  it("compacts removed rows at every depth", () => {
    expect(formDataToObject(form([["rules.0.days.3", "MON"], ["rules.0.days.7", "TUE"]]))).toEqual({ rules: [{ days: ["MON", "TUE"] }] });
  });

  it("builds objects without a prototype", () => {
    const result = formDataToObject(form([["a.b", "1"]]));
    expect(Object.getPrototypeOf(result)).toBeNull();
    expect(Object.getPrototypeOf(result.a)).toBeNull();
  });

  it.each([
    ["__proto__.polluted"],
    ["__proto__.x"],
    ["constructor.prototype.polluted"],
    ["links.0.__proto__.polluted"],
    ["a.prototype"],
    ["__proto__"],
  ])("refuses %s as a field error and leaves Object.prototype alone", (name) => {
    const error = refusal([[name, "1"]]);
    expect(error.status).toBe(422);
    expect(Object.keys(error.fieldErrors)).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("refuses a name that is both a value and a group, empty segments and huge row numbers", () => {
    expect(refusal([["a", "1"], ["a.b", "2"]]).status).toBe(422);
    expect(refusal([["a.b", "2"], ["a", "1"]]).status).toBe(422);
    expect(refusal([["a..b", "1"]]).status).toBe(422);
    expect(refusal([["rows.1000.x", "1"]]).status).toBe(422);
    expect(refusal([["a.b.c.d.e.f.g.h.i", "1"]]).status).toBe(422);
  });

  it("shows a hostile field name back only in printable form", () => {
    const error = refusal([["__proto__.<script>\u0000", "1"]]);
    expect(Object.keys(error.fieldErrors)[0]).toMatch(/^[\w.\-[\]?]+$/);
  });
});
