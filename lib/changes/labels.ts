import type { DeploymentFlagKind } from "../generated/prisma/enums.ts";

export const FLAG_LABELS: Record<DeploymentFlagKind, string> = {
  NO_APPROVED_CHANGE: "No approved change",
  REQUIRED_CHECK_FAILED: "Required check failed",
  REQUIRED_CHECK_MISSING: "Required check missing",
};
