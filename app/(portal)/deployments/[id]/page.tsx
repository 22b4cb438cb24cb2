import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EntityHistoryCard } from "@/components/audit/entity-history";
import { DeploymentChangeCard } from "@/components/changes/deployment-change-card";
import { CommitList } from "@/components/deployments/commit-list";
import { DeploymentFacts } from "@/components/deployments/deployment-facts";
import { HealthCheckList } from "@/components/deployments/health-check-list";
import { StatusBadge } from "@/components/deployments/status-badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { listEntityHistory } from "@/lib/audit/queries";
import { deploymentChangeControl } from "@/lib/changes/queries";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getDeployment } from "@/lib/deployments/queries";

export const metadata: Metadata = { title: "Deployment" };

export default async function DeploymentPage({ params }: { params: Promise<{ id: string }> }) {
  const person = await requirePerson();
  requirePermission(person, "deployments.read");
  const { id } = await params;
  const [deployment, history, control] = await Promise.all([getDeployment(db(), id), listEntityHistory(db(), "Deployment", id), deploymentChangeControl(db(), id)]);
  if (!deployment) notFound();
  return (
    <>
      <PageHeader
        eyebrow={<TextLink href="/deployments">← Deployments</TextLink>}
        title={
          <span className="flex flex-wrap items-center gap-2">
            {deployment.service.name} <span className="font-mono">{deployment.version}</span> to {deployment.environment.name}
            <StatusBadge status={deployment.status} isRollback={deployment.isRollback} />
          </span>
        }
        description={deployment.isRollback && deployment.replaces ? `Rolls back ${deployment.replaces.version}.` : undefined}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {control ? <DeploymentChangeCard control={control} /> : null}
          <Card aria-labelledby="checks-title">
            <CardHeader titleId="checks-title" title="Health checks" description="Post-deployment checks reported by the pipeline." />
            <CardContent><HealthCheckList checks={deployment.healthChecks} /></CardContent>
          </Card>
          <Card aria-labelledby="commits-title">
            <CardHeader titleId="commits-title" title={`Commits (${deployment.commits.length})`} />
            <CardContent><CommitList commits={deployment.commits} /></CardContent>
          </Card>
          <EntityHistoryCard events={history} />
        </div>
        <DeploymentFacts deployment={deployment} />
      </div>
    </>
  );
}
