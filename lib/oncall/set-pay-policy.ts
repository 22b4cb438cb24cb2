import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { parseInput } from "../errors";
import { ZPayPolicyInput } from "./schemas";

/** Sets a team's on-call pay model and rates, in minor units of the organisation's currency. Callout-only is not offered (operating model). */
export async function setPayPolicy(prisma: Db, actor: Actor, input: unknown): Promise<void> {
  authorize(actor, "oncall.pay.manage"); // who may, before what they sent is read
  const data = parseInput(ZPayPolicyInput, input);
  await prisma.$transaction(async (tx) => {
    const before = await tx.onCallPayPolicy.findUnique({ where: { teamId: data.teamId }, select: { model: true, standbyRate: true, weekendHolidayRate: true, calloutRate: true } });
    const { teamId, ...rates } = data;
    await tx.onCallPayPolicy.upsert({ where: { teamId }, create: data, update: rates, select: { teamId: true } });
    await recordAuditEvent(tx, actor, { action: "oncall-pay-policy.set", entityType: "OnCallPayPolicy", entityId: teamId, before, after: rates });
  });
  await requestSeal(prisma);
}
