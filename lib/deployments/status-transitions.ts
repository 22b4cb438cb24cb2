// Which status reports a deployment accepts. A pipeline may replay a report (same status) any number of
// times; a deployment moves forward only: started → succeeded | failed | rolled_back, and a finished
// deployment may later be rolled back. Anything else (e.g. succeeded → started) is a conflict.
import type { DeploymentStatus } from "../generated/prisma/enums.ts";

export type TransitionOutcome = "create" | "replay" | "update" | "invalid";

const NEXT: Record<DeploymentStatus, readonly DeploymentStatus[]> = {
  STARTED: ["SUCCEEDED", "FAILED", "ROLLED_BACK"],
  SUCCEEDED: ["ROLLED_BACK"],
  FAILED: ["ROLLED_BACK"],
  ROLLED_BACK: [],
};

export function transitionOutcome(current: DeploymentStatus | null, reported: DeploymentStatus): TransitionOutcome {
  if (current === null) return "create";
  if (current === reported) return "replay";
  return NEXT[current].includes(reported) ? "update" : "invalid";
}

export function isFinished(status: DeploymentStatus): boolean {
  return status !== "STARTED";
}

export const toDbStatus = (status: "started" | "succeeded" | "failed" | "rolled_back"): DeploymentStatus =>
  status.toUpperCase() as DeploymentStatus;

export const toApiStatus = (status: DeploymentStatus) => status.toLowerCase() as "started" | "succeeded" | "failed" | "rolled_back";
