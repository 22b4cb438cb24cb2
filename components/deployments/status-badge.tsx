import { Badge } from "@/components/ui/badge";
import type { DeploymentStatus } from "@/lib/generated/prisma/enums.ts";
import { STATUS_LABEL, STATUS_TONE } from "@/lib/deployments/labels";

export function StatusBadge({ status, isRollback }: { status: DeploymentStatus; isRollback?: boolean }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={STATUS_TONE[status]}>{STATUS_LABEL[status]}</Badge>
      {isRollback ? <Badge tone="warning">Rollback</Badge> : null}
    </span>
  );
}
