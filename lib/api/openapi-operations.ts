// Flattens the OpenAPI document into the operations the docs page shows, resolving component refs.
import { openApiDocument } from "./openapi";

type Schema = Record<string, unknown>;
type RawOperation = {
  summary: string;
  description?: string;
  parameters?: { name: string; in: string; required: boolean; description?: string; schema: Schema }[];
  requestBody?: { content: { "application/json": { schema: { $ref: string } } } };
  responses: Record<string, { description: string }>;
};

export function apiOperations() {
  const doc = openApiDocument();
  const schemas = doc.components.schemas as Record<string, Schema>;
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, RawOperation>).map(([method, operation]) => {
      const ref = operation.requestBody?.content["application/json"].schema.$ref;
      return {
        method,
        path,
        summary: operation.summary,
        description: operation.description,
        parameters: operation.parameters ?? [],
        body: ref ? schemas[ref.split("/").pop()!] : undefined,
        responses: Object.entries(operation.responses).map(([status, response]) => [status, response.description] as [string, string]),
      };
    }),
  );
}
