import Link from "next/link";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { TextLink } from "@/components/ui/text-link";
import type { EnvironmentMatrix } from "@/lib/deployments/queries";

/** On the service page: the version live in each environment, with links to history and metrics. */
export function ServiceDeploymentsCard({ slug, matrix }: { slug: string; matrix: EnvironmentMatrix }) {
  const row = matrix.rows[0];
  return (
    <Card aria-labelledby="deployments-title">
      <CardHeader
        titleId="deployments-title"
        title="Deployed now"
        actions={<><TextLink href={`/deployments?service=${slug}`}>History</TextLink><TextLink href={`/deployments/metrics?service=${slug}`}>DORA metrics</TextLink></>}
      />
      <CardContent>
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          {matrix.environments.map((environment) => {
            const cell = row?.cells[environment.slug];
            return (
              <div key={environment.id}>
                <dt className="text-fg-muted">{environment.name}</dt>
                <dd>
                  {cell ? <Link className="font-mono font-medium text-link hover:underline" href={`/deployments/${cell.deploymentId}`}>{cell.version}</Link> : "Not deployed"}
                  {cell?.since ? <div className="text-xs text-fg-muted">since <DateTime value={cell.since} /></div> : null}
                </dd>
              </div>
            );
          })}
        </dl>
      </CardContent>
    </Card>
  );
}
