// A post-deployment health check result, reported by the pipeline or a smoke-test job.
import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSealInBackground } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import { requireScope } from "../authz/require-scope";
import { evaluateRequiredChecks } from "../changes/deployment-control";
import type { Db } from "../db";
import { forbidden, notFound, parseInput } from "../errors";
import { ZReportHealthCheck } from "./schemas";

export async function reportHealthCheck(prisma: Db, actor: Actor, deploymentId: string, input: unknown, now = new Date()) {
  const data = parseInput(ZReportHealthCheck, input);
  authorize(actor, "deployments.report");
  const deployment = await prisma.deployment.findUnique({ where: { id: deploymentId }, select: { id: true, serviceId: true } });
  if (!deployment) {
    if (actor.kind === "TOKEN" && !actor.scopes.includes("health:write")) throw forbidden(`This token lacks the "health:write" scope.`);
    throw notFound("The deployment");
  }
  requireScope(actor, "health:write", deployment.serviceId);
  const check = await prisma.$transaction(async (tx) => {
    const created = await tx.deploymentHealthCheck.create({
      data: {
        id: randomUUID(),
        deploymentId,
        name: data.name,
        status: data.status === "pass" ? "PASS" : "FAIL",
        details: data.details ?? null,
        checkedAt: data.checkedAt ? new Date(data.checkedAt) : now,
      },
      select: { id: true, deploymentId: true, name: true, status: true, details: true, checkedAt: true },
    });
    await recordAuditEvent(tx, actor, { action: "deployment.health-check", entityType: "Deployment", entityId: deploymentId, after: created });
    return created;
  });
  await evaluateRequiredChecks(prisma, actor, deploymentId, now);
  requestSealInBackground(prisma); // pipelines need not wait for the hash chain (see report-deployment.ts)
  return { ...check, status: check.status === "PASS" ? "pass" : "fail", checkedAt: check.checkedAt.toISOString() };
}
