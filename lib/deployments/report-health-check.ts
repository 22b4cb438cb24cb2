// A post-deployment health check result, reported by the pipeline or a smoke-test job.
import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSealInBackground } from "../audit/seal-audit-events";
import { authorize, can } from "../authz/can";
import { evaluateRequiredChecks } from "../changes/deployment-control";
import type { Db } from "../db";
import { notFound, parseInput } from "../errors";
import { ZDeploymentId, ZReportHealthCheck } from "./schemas";

export async function reportHealthCheck(prisma: Db, actor: Actor, deploymentId: string, input: unknown, now = new Date()) {
  const data = parseInput(ZReportHealthCheck, input);
  authorize(actor, "deployments.health-check");
  // An id no deployment can have (a NUL in it would reach PostgreSQL as a 500) is a missing deployment.
  const deployment = ZDeploymentId.safeParse(deploymentId).success
    ? await prisma.deployment.findUnique({ where: { id: deploymentId }, select: { id: true, serviceId: true } })
    : null;
  // Another service's deployment is answered as a missing one: a token cannot probe for ids.
  if (!deployment || !can(actor, "deployments.health-check", { serviceId: deployment.serviceId })) throw notFound("The deployment");
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
