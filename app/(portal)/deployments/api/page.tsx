import type { Metadata } from "next";
import { ApiOperation } from "@/components/deployments/api-operation";
import { DeploymentsTabs } from "@/components/deployments/deployments-tabs";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { apiOperations } from "@/lib/api/openapi-operations";
import { requirePerson } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Pipeline API" };

const EXAMPLE = `curl -sf -X POST "$RUNWELL_URL/api/v1/deployments" \\
  -H "Authorization: Bearer $RUNWELL_TOKEN" -H "Content-Type: application/json" \\
  -d '{"service":"checkout-api","environment":"production","version":"2026.11.26-1",
       "externalId":"'"$CI_RUN_ID"'","status":"started","startedAt":"2026-11-26T10:00:00Z",
       "commits":[{"sha":"9f2c1e7a","committedAt":"2026-11-25T16:12:00Z","message":"Limit basket size"}]}'`;

export default async function ApiDocsPage() {
  await requirePerson();
  return (
    <>
      <PageHeader
        title="Deployments"
        description={<>How a pipeline reports deployments and health checks. The machine-readable description is <TextLink href="/api/v1/openapi.json">OpenAPI 3.1</TextLink>.</>}
      />
      <DeploymentsTabs current="/deployments/api" />
      <div className="space-y-6">
        <Card aria-labelledby="start-title">
          <CardHeader titleId="start-title" title="Getting started" />
          <CardContent className="space-y-3 text-sm">
            <p>
              Create a token for your service with the scopes it needs (<code>deployments:write</code>, <code>health:write</code>) from the
              service page or with <code>npm run -s cli -- token create --service &lt;slug&gt; --scopes deployments:write,health:write</code>.
              Report each deployment when it starts and again when it finishes, with the same <code>externalId</code>; replays are safe.
            </p>
            <pre className="overflow-x-auto rounded-md bg-surface-muted p-3 font-mono text-xs">{EXAMPLE}</pre>
            <p>
              Errors are <code>{`{"error": {"code", "message", "fields"?: {"path": "message"}}}`}</code>: 400 or 422 for bad input (nothing is written),
              401 without a valid token, 403 for a missing scope or another service&apos;s token, 409 for an impossible status change.
            </p>
          </CardContent>
        </Card>
        {apiOperations().map((operation) => <ApiOperation key={`${operation.method} ${operation.path}`} operation={operation} />)}
      </div>
    </>
  );
}
