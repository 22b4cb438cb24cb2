import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import type { DeploymentDetail } from "@/lib/deployments/queries";

export function HealthCheckList({ checks }: { checks: DeploymentDetail["healthChecks"] }) {
  if (checks.length === 0) return <p className="text-sm text-fg-muted">No post-deployment health checks reported yet.</p>;
  return (
    <ul className="space-y-2 text-sm" aria-label="Health checks">
      {checks.map((check) => (
        <li key={check.id} className="flex flex-wrap items-baseline gap-x-2">
          <Badge tone={check.status === "PASS" ? "success" : "danger"}>{check.status === "PASS" ? "Pass" : "Fail"}</Badge>
          <span className="font-medium text-fg">{check.name}</span>
          <DateTime value={check.checkedAt} className="text-xs text-fg-muted" />
          {check.details ? <p className="w-full text-xs text-fg-muted">{check.details}</p> : null}
        </li>
      ))}
    </ul>
  );
}
