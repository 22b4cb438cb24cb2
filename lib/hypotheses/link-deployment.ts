// A product manager links a production release of the service to the hypothesis it shipped. Linking
// twice is a no-op. The deployment report links too (lib/deployments/report-deployment.ts).
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { AppError, parseInput } from "../errors";
import { hypothesisForManage } from "./hypothesis-access";
import { ZLinkDeployment } from "./schemas";

/** Deployments that shipped: a picker offers these (a failed run shipped nothing). */
export const SHIPPED_STATUSES = ["SUCCEEDED", "ROLLED_BACK"] as const;

export async function linkDeployment(prisma: Db, actor: Actor, input: unknown): Promise<{ linked: boolean }> {
  const data = parseInput(ZLinkDeployment, input);
  const result = await prisma.$transaction(async (tx) => {
    const hypothesis = await hypothesisForManage(tx, actor, data.hypothesisId);
    const deployment = await tx.deployment.findUnique({
      where: { id: data.deploymentId },
      select: { id: true, serviceId: true, status: true, environment: { select: { isProduction: true } } },
    });
    if (!deployment || deployment.serviceId !== hypothesis.serviceId || !deployment.environment.isProduction || !(SHIPPED_STATUSES as readonly string[]).includes(deployment.status)) {
      throw AppError.validation({ deploymentId: ["Pick a production deployment of this service that shipped (succeeded or since rolled back)."] });
    }
    const { count } = await tx.hypothesisDeployment.createMany({ data: [{ hypothesisId: hypothesis.id, deploymentId: deployment.id }], skipDuplicates: true });
    if (count === 0) return { linked: false };
    await recordAuditEvent(tx, actor, { action: "hypothesis.link-deployment", entityType: "Hypothesis", entityId: hypothesis.id, after: { deploymentId: deployment.id, via: "portal" } });
    return { linked: true };
  });
  if (result.linked) await requestSeal(prisma);
  return result;
}
