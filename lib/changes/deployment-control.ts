// What health checks mean for change control once a deployment is written: re-evaluate its required
// checks when results arrive and when deadlines pass, then flag the deployment and move its change
// (closed or failed). What the report itself means is planned in change-control-plan.ts and written by
// the ingest statement.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { emitEvent } from "../events/emit";
import type { Db, DbTx } from "../db";
import type { DeploymentFlagKind } from "../generated/prisma/enums.ts";
import { CHANGE_MOVE_ACTIONS } from "./change-control-plan";
import { requiredChecksVerdict } from "./required-checks";

const deploymentSelect = {
  id: true,
  version: true,
  status: true,
  finishedAt: true,
  serviceId: true,
  environmentId: true,
  changeRequestId: true,
  requiredChecksStatus: true,
  service: { select: { slug: true, name: true, teamId: true } },
  environment: { select: { isProduction: true, slug: true } },
  changeRequest: { select: { id: true, number: true, state: true, type: true, patternId: true } },
} as const;

/** Re-evaluates a deployment's pending required checks (on check ingest and from the deadline sweep). */
export async function evaluateRequiredChecks(prisma: Db, actor: Actor, deploymentId: string, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const deployment = await tx.deployment.findUnique({ where: { id: deploymentId }, select: { ...deploymentSelect, healthChecks: { select: { name: true, status: true, checkedAt: true } } } });
    if (!deployment || deployment.requiredChecksStatus !== "PENDING" || !deployment.finishedAt) return;
    const change = deployment.changeRequest;
    const required = await requiredChecksFor(tx, deployment.serviceId, change?.patternId ?? null);
    const verdict = requiredChecksVerdict(required, deployment.healthChecks, deployment.finishedAt, now);
    if (verdict.status === "PENDING") {
      await tx.deployment.update({ where: { id: deployment.id }, data: { requiredChecksDueAt: verdict.nextDueAt }, select: { id: true } });
      return;
    }
    const updated = await tx.deployment.updateMany({ where: { id: deployment.id, requiredChecksStatus: "PENDING" }, data: { requiredChecksStatus: verdict.status, requiredChecksDueAt: null } });
    if (updated.count === 0) return; // a concurrent evaluation decided first
    const summary = verdict.checks.map((check) => `${check.name}: ${check.state.toLowerCase()}`).join(", ");
    await recordAuditEvent(tx, actor, { action: "deployment.required-checks", entityType: "Deployment", entityId: deployment.id, before: { requiredChecksStatus: "PENDING" }, after: { requiredChecksStatus: verdict.status, checks: verdict.checks } });
    if (verdict.status === "PASSED") {
      if (change?.state === "IMPLEMENTED") await moveChange(tx, actor, change, "CLOSED", { closedAt: now }, `Required health checks passed (${summary}).`);
      return;
    }
    const kind = verdict.status === "FAILED" ? "REQUIRED_CHECK_FAILED" : "REQUIRED_CHECK_MISSING";
    await flagDeployment(tx, actor, deployment, kind, `${deployment.service.slug} ${deployment.version}: required health checks ${verdict.status.toLowerCase()} (${summary}).`);
    if (verdict.status === "MISSING") {
      const missed = verdict.checks.filter((check) => check.state === "MISSING").map((check) => check.name);
      await emitEvent(tx, "change.required-check.missed", subjectOf(deployment), {
        change: change ? { id: change.id, number: change.number, title: `CHG-${change.number}`, type: change.type } : null,
        deployment: deploymentRef(deployment),
        checks: missed,
      });
    }
    if (change && (change.state === "IMPLEMENTED" || change.state === "APPROVED")) {
      await moveChange(tx, actor, change, "FAILED", { failureReason: `Required health checks ${verdict.status.toLowerCase()}: ${summary}.` }, "Required health checks did not pass.");
    }
  });
}

/** The periodic sweep: deployments whose next required-check deadline has passed (indexed, bounded). */
export async function sweepRequiredChecks(prisma: Db, actor: Actor, now = new Date(), limit = 200): Promise<number> {
  const due = await prisma.deployment.findMany({
    where: { requiredChecksStatus: "PENDING", requiredChecksDueAt: { lt: now } },
    orderBy: { requiredChecksDueAt: "asc" },
    take: limit,
    select: { id: true },
  });
  for (const { id } of due) await evaluateRequiredChecks(prisma, actor, id, now);
  return due.length;
}

export async function requiredChecksFor(tx: DbTx, serviceId: string, patternId: string | null) {
  const rows = await tx.requiredHealthCheck.findMany({
    where: { OR: [{ serviceId }, ...(patternId ? [{ patternId }] : [])] },
    select: { name: true, deadlineMinutes: true },
  });
  // A check required by both the service and the pattern counts once, with the tighter deadline.
  const byName = new Map<string, number>();
  for (const row of rows) byName.set(row.name, Math.min(row.deadlineMinutes, byName.get(row.name) ?? Infinity));
  return [...byName].map(([name, deadlineMinutes]) => ({ name, deadlineMinutes }));
}

type ChangeRef = { id: string; number: number; state: string };

async function moveChange(tx: DbTx, actor: Actor, change: ChangeRef, state: "IMPLEMENTED" | "CLOSED" | "FAILED", data: Record<string, unknown>, why: string) {
  const moved = await tx.changeRequest.updateMany({ where: { id: change.id, state: change.state as never }, data: { state, ...data } });
  if (moved.count === 0) return;
  await recordAuditEvent(tx, actor, { action: CHANGE_MOVE_ACTIONS[state], entityType: "ChangeRequest", entityId: change.id, before: { state: change.state }, after: { state, reason: why } });
  change.state = state;
}

type FlaggedDeployment = { id: string; version: string; serviceId: string; service: { slug: string; name: string; teamId: string }; environment: { slug: string } };

const deploymentRef = (d: FlaggedDeployment) => ({ id: d.id, version: d.version, environment: d.environment.slug, service: { id: d.serviceId, slug: d.service.slug, name: d.service.name }, href: `/deployments/${d.id}` });
const subjectOf = (d: FlaggedDeployment) => ({ entityType: "Deployment", entityId: d.id, serviceId: d.serviceId, teamId: d.service.teamId });

async function flagDeployment(tx: DbTx, actor: Actor, deployment: FlaggedDeployment, kind: DeploymentFlagKind, message: string) {
  const deploymentId = deployment.id;
  const existing = await tx.deploymentFlag.findUnique({ where: { deploymentId_kind: { deploymentId, kind } }, select: { id: true } });
  if (existing) return;
  await tx.deploymentFlag.create({ data: { deploymentId, kind, message }, select: { id: true } });
  await recordAuditEvent(tx, actor, { action: "deployment.flagged", entityType: "Deployment", entityId: deploymentId, after: { kind, message } });
  await emitEvent(tx, "deployment.flagged", subjectOf(deployment), { deployment: deploymentRef(deployment), kind, message });
}
