import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema; enum?: unknown[]; format?: string; description?: string; maxLength?: number; pattern?: string };

export type Operation = {
  method: string;
  path: string;
  summary: string;
  description?: string;
  parameters: { name: string; in: string; required: boolean; description?: string; schema: JsonSchema }[];
  body?: JsonSchema;
  responses: [string, string][];
};

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.type === "array") return `array of ${schema.items ? typeOf(schema.items) : "values"}`;
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : schema.type ?? "any";
  return schema.format ? `${type} (${schema.format})` : type;
}

/** Flattens nested objects to "commits[].sha" rows, so a pipeline author sees every field on one table. */
function fieldRows(schema: JsonSchema, prefix = ""): { name: string; type: string; required: boolean }[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const path = `${prefix}${name}`;
    const row = { name: path, type: typeOf(property), required: (schema.required ?? []).includes(name) };
    const nested = property.type === "array" && property.items?.properties ? fieldRows(property.items, `${path}[].`) : [];
    return [row, ...nested];
  });
}

export function ApiOperation({ operation }: { operation: Operation }) {
  const id = `${operation.method}-${operation.path}`.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
  return (
    <Card aria-labelledby={id}>
      <CardHeader
        titleId={id}
        title={<span className="flex flex-wrap items-center gap-2"><Badge tone="brand">{operation.method.toUpperCase()}</Badge><code className="font-mono text-sm">{operation.path}</code></span>}
        description={operation.summary}
      />
      <CardContent className="space-y-4 text-sm">
        {operation.description ? <p className="text-fg-muted">{operation.description}</p> : null}
        {operation.parameters.length ? (
          <Table caption="Parameters" framed={false}>
            <THead><TR><TH>Name</TH><TH>In</TH><TH>Type</TH><TH>Required</TH></TR></THead>
            <TBody>
              {operation.parameters.map((parameter) => (
                <TR key={parameter.name}><TD className="font-mono">{parameter.name}</TD><TD>{parameter.in}</TD><TD>{typeOf(parameter.schema)}</TD><TD>{parameter.required ? "yes" : "no"}</TD></TR>
              ))}
            </TBody>
          </Table>
        ) : null}
        {operation.body ? (
          <Table caption="JSON body" framed={false}>
            <THead><TR><TH>Field</TH><TH>Type</TH><TH>Required</TH></TR></THead>
            <TBody>
              {fieldRows(operation.body).map((row) => (
                <TR key={row.name}><TD className="font-mono">{row.name}</TD><TD className="break-all">{row.type}</TD><TD>{row.required ? "yes" : "no"}</TD></TR>
              ))}
            </TBody>
          </Table>
        ) : null}
        <div>
          <h3 className="mb-1 font-medium text-fg">Responses</h3>
          <ul className="space-y-1">
            {operation.responses.map(([status, text]) => <li key={status}><code className="font-mono">{status}</code> {text}</li>)}
          </ul>
        </div>
      </CardContent>
    </Card>
  );
}
