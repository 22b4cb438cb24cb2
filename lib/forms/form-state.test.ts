import { describe, expect, it } from "vitest";
import { formDataToObject } from "./form-state";

describe("formDataToObject", () => {
  it("nests dotted names into objects and arrays, compacting removed rows", () => {
    const form = new FormData();
    form.set("name", "Checkout");
    form.set("links.0.kind", "DASHBOARD");
    form.set("links.0.url", "https://a.test");
    form.set("links.2.kind", "DOCS");
    form.set("$ACTION_ID_abc", "");
    expect(formDataToObject(form)).toEqual({
      name: "Checkout",
      links: [{ kind: "DASHBOARD", url: "https://a.test" }, { kind: "DOCS" }],
    });
  });
});
