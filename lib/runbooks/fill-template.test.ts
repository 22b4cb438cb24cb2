import { describe, expect, it } from "vitest";
import { fillTemplate, freeSlug, runbookSlug } from "./fill-template";

describe("fillTemplate", () => {
  it.each([
    ["# {{service}} by {{team}}", "# Payments API by Checkout"],
    ["{{ service }} and {{service}}", "Payments API and Payments API"],
    ["{{unknown}} stays", "{{unknown}} stays"],
    ["no placeholders", "no placeholders"],
  ])("%s → %s", (body, expected) => {
    expect(fillTemplate(body, { service: "Payments API", team: "Checkout" })).toBe(expected);
  });
});

describe("runbook slugs", () => {
  it.each([
    ["High error rate!", "high-error-rate"],
    ["Restore & rollback: Café", "restore-rollback-cafe"],
    ["!!!", "runbook"],
  ])("%s → %s", (title, slug) => expect(runbookSlug(title)).toBe(slug));

  it("finds the first free slug", () => {
    expect(freeSlug("overview", new Set())).toBe("overview");
    expect(freeSlug("overview", new Set(["overview", "overview-2"]))).toBe("overview-3");
  });
});
