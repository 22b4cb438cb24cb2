// The deployment report's `hypothesis` field reaches the OpenAPI document (it is derived from the zod schema).
import { describe, expect, it } from "vitest";
import { openApiDocument } from "../api/openapi";

describe("the OpenAPI document's deployment report", () => {
  it("has an optional hypothesis field, described", () => {
    const report = openApiDocument().components.schemas.DeploymentReport as { properties: Record<string, { type?: string; description?: string }>; required: string[] };
    expect(report.properties.hypothesis).toMatchObject({ type: "string" });
    expect(report.properties.hypothesis?.description).toMatch(/HYP-12/);
    expect(report.required).not.toContain("hypothesis");
  });
});
