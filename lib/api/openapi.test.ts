import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

describe("the OpenAPI document", () => {
  const doc = openApiDocument();

  it("is OpenAPI 3.1 and describes the deployments endpoints", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/deployments", "/api/v1/deployments/{id}/health-checks"]));
    expect(Object.keys(doc.paths["/api/v1/deployments"].post.responses)).toEqual(["200", "201", "400", "401", "403", "409", "413", "422", "429"]);
  });

  it("describes the audit export with its query parameters and error statuses", () => {
    const operation = doc.paths["/api/v1/audit/export"].get;
    expect(operation.parameters.map((parameter) => parameter.name).slice(0, 3)).toEqual(["format", "from", "to"]);
    expect(Object.keys(operation.responses)).toEqual(["200", "400", "401", "403", "429"]);
    expect((doc.components.schemas.AuditExportEvent as { required: string[] }).required).toEqual(expect.arrayContaining(["seq", "hash", "prevHash"]));
  });

  it("derives the request schemas from the validating zod schemas", () => {
    const report = doc.components.schemas.DeploymentReport as { required: string[]; properties: Record<string, { enum?: string[] }> };
    expect(report.required.sort()).toEqual(["environment", "externalId", "service", "startedAt", "status", "version"]);
    expect(report.properties.status!.enum).toEqual(["started", "succeeded", "failed", "rolled_back"]);
    const parameters = doc.paths["/api/v1/deployments"].get.parameters.map((parameter) => parameter.name);
    expect(parameters).toEqual(["service", "environment", "limit"]);
  });

  it("describes the deployment gate", () => {
    expect(Object.keys(doc.paths["/api/v1/changes/gate"].post.responses)).toEqual(["200", "400", "401", "403", "413", "422", "429"]);
    const request = doc.components.schemas.GateRequest as { required: string[]; properties: Record<string, unknown> };
    expect(request.required.sort()).toEqual(["environment", "service", "version"]);
    expect(Object.keys(request.properties).sort()).toEqual(["commits", "environment", "plannedAt", "service", "version"]);
  });

  it("lets the gate take the deployment report's commit objects as well as bare shas", () => {
    const commits = (doc.components.schemas.GateRequest as { properties: { commits: { items: { anyOf: { type: string; required?: string[]; properties?: object }[] } } } }).properties.commits;
    const [bare, object] = commits.items.anyOf;
    expect(bare).toMatchObject({ type: "string" });
    expect(object).toMatchObject({ type: "object", required: ["sha"] });
    const reportCommit = (doc.components.schemas.DeploymentReport as { properties: { commits: { items: { properties: object } } } }).properties.commits.items;
    expect(Object.keys(object!.properties!).sort()).toEqual(Object.keys(reportCommit.properties).sort());
  });
});

describe("the incident API and the alert integrations in the OpenAPI document", () => {
  const doc = openApiDocument();
  it("lists every incident operation with its answers", () => {
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/incidents", "/api/v1/incidents/{id}", "/api/v1/integrations/alertmanager", "/api/v1/integrations/pagerduty/enqueue"]));
    expect(Object.keys(doc.paths["/api/v1/incidents"].post.responses)).toEqual(["200", "201", "400", "401", "403", "409", "413", "422", "429"]);
    expect(Object.keys(doc.paths["/api/v1/integrations/pagerduty/enqueue"].post.responses)).toEqual(["202", "400", "401", "403", "413", "429"]);
    const report = doc.components.schemas.IncidentReport as { required: string[] };
    expect(report.required.sort()).toEqual(["externalId", "service", "startedAt", "status", "title"]);
    expect((doc.components.schemas.PagerDutyEvent as { required: string[] }).required.sort()).toEqual(["event_action", "routing_key"]);
  });
});

describe("the reviews API in the OpenAPI document", () => {
  it("lists the learning library with its parameters", () => {
    const doc = openApiDocument();
    const operation = doc.paths["/api/v1/reviews"].get;
    expect(operation.parameters.map((parameter) => parameter.name)).toEqual(["q", "tag", "limit", "cursor"]);
    expect(Object.keys(operation.responses)).toEqual(["200", "401", "403", "422", "429"]);
  });
});
