// Did a deployment's required post-deployment health checks pass in time? Pure.
export type RequiredCheck = { name: string; deadlineMinutes: number };
export type ReportedCheck = { name: string; status: "PASS" | "FAIL"; checkedAt: Date };
export type CheckState = { name: string; state: "PASSED" | "FAILED" | "MISSING" | "PENDING"; dueAt: Date };
export type ChecksVerdict = { status: "PENDING" | "PASSED" | "FAILED" | "MISSING"; checks: CheckState[]; nextDueAt: Date | null };

/**
 * A check counts when reported between the deployment's finish and its deadline. A failure in time
 * fails it (a later pass does not undo it: the deployment was unhealthy); a pass in time passes it;
 * nothing by the deadline makes it missing. Failed beats missing beats pending beats passed.
 */
export function requiredChecksVerdict(required: readonly RequiredCheck[], reported: readonly ReportedCheck[], finishedAt: Date, now: Date): ChecksVerdict {
  const checks = required.map((check): CheckState => {
    const dueAt = new Date(finishedAt.getTime() + check.deadlineMinutes * 60_000);
    const inTime = reported.filter((result) => result.name === check.name && result.checkedAt >= finishedAt && result.checkedAt <= dueAt);
    if (inTime.some((result) => result.status === "FAIL")) return { name: check.name, state: "FAILED", dueAt };
    if (inTime.some((result) => result.status === "PASS")) return { name: check.name, state: "PASSED", dueAt };
    return { name: check.name, state: now > dueAt ? "MISSING" : "PENDING", dueAt };
  });
  const has = (state: CheckState["state"]) => checks.some((check) => check.state === state);
  const status = has("FAILED") ? "FAILED" : has("MISSING") ? "MISSING" : has("PENDING") ? "PENDING" : "PASSED";
  const pending = checks.filter((check) => check.state === "PENDING").map((check) => check.dueAt.getTime());
  return { status, checks, nextDueAt: pending.length ? new Date(Math.min(...pending)) : null };
}
