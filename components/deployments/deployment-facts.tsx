import Link from "next/link";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { formatSpan } from "@/lib/deployments/labels";
import type { DeploymentDetail } from "@/lib/deployments/queries";

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-2 py-1.5">
      <dt className="text-fg-muted">{term}</dt>
      <dd className="col-span-2 min-w-0 break-words text-fg">{children}</dd>
    </div>
  );
}

export function DeploymentFacts({ deployment }: { deployment: DeploymentDetail }) {
  const duration = deployment.finishedAt ? deployment.finishedAt.getTime() - deployment.startedAt.getTime() : null;
  return (
    <Card aria-labelledby="facts-title">
      <CardHeader titleId="facts-title" title="Deployment" />
      <CardContent>
        <dl className="divide-y divide-line text-sm">
          <Fact term="Service"><Link className="text-link hover:underline" href={`/services/${deployment.service.slug}`}>{deployment.service.name}</Link> ({deployment.service.team.name})</Fact>
          <Fact term="Environment">{deployment.environment.name}</Fact>
          <Fact term="Started"><DateTime value={deployment.startedAt} /></Fact>
          <Fact term="Finished">{deployment.finishedAt ? <DateTime value={deployment.finishedAt} /> : "Still running"}</Fact>
          <Fact term="Duration">{formatSpan(duration)}</Fact>
          <Fact term="Lead time">{deployment.environment.isProduction ? formatSpan(deployment.leadTimeMs) : "Counted for production only"}</Fact>
          <Fact term="Deployer">{deployment.deployer ?? "Not reported"}</Fact>
          <Fact term="Pipeline run">
            {deployment.pipelineUrl ? <a className="text-link hover:underline" href={deployment.pipelineUrl} rel="noreferrer noopener" target="_blank">{deployment.externalId}</a> : deployment.externalId}
          </Fact>
          <Fact term="Replaced">
            {deployment.replaces ? <Link className="font-mono text-link hover:underline" href={`/deployments/${deployment.replaces.id}`}>{deployment.replaces.version}</Link> : "—"}
          </Fact>
          <Fact term="Replaced by">
            {deployment.replacedBy.length
              ? deployment.replacedBy.map((next) => (
                  <span key={next.id} className="mr-2">
                    <Link className="font-mono text-link hover:underline" href={`/deployments/${next.id}`}>{next.version}</Link>
                    {next.isRollback ? " (rollback)" : ""}
                  </span>
                ))
              : "—"}
          </Fact>
        </dl>
      </CardContent>
    </Card>
  );
}
