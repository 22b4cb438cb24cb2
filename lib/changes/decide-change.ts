// A change manager's CAB vote on a normal change, with a reason. Nobody approves their own change.
// At quorum the change is approved; any rejection rejects it.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { conflict, forbidden, parseInput } from "../errors";
import { readCabSettings } from "./cab-settings";
import { emitEvent } from "../events/emit";
import { changeEventRefs, loadChange } from "./change-access";
import { ZDecision } from "./schemas";
import { cabOutcome } from "./state-machine";

export async function decideChange(prisma: Db, actor: Actor, changeId: string, input: unknown, now = new Date()) {
  authorize(actor, "changes.approve"); // who may, before what they sent is read
  const data = parseInput(ZDecision, input);
  if (actor.kind !== "PERSON") throw forbidden("CAB decisions are made by change managers, in person.");
  const change = await loadChange(prisma, changeId);
  if (change.requesterId === actor.id) throw forbidden("Nobody approves their own change: another change manager must decide.");
  if (change.type !== "NORMAL") throw conflict(`CHG-${change.number} is a ${change.type.toLowerCase()} change; only normal changes go through the CAB.`);
  if (change.state !== "SUBMITTED") throw conflict(`CHG-${change.number} is ${change.state.toLowerCase()}; the CAB decides submitted changes only.`);
  const cab = await readCabSettings(prisma);
  const result = await prisma.$transaction(async (tx) => {
    await tx.changeApproval.upsert({
      where: { changeId_personId: { changeId, personId: actor.id } },
      create: { changeId, personId: actor.id, decision: data.decision, reason: data.reason },
      update: { decision: data.decision, reason: data.reason },
      select: { id: true },
    });
    await recordAuditEvent(tx, actor, { action: "change.vote", entityType: "ChangeRequest", entityId: changeId, after: { decision: data.decision, reason: data.reason } });
    const votes = await tx.changeApproval.findMany({ where: { changeId }, select: { decision: true } });
    const outcome = cabOutcome(votes, cab.quorum);
    if (outcome === "PENDING") return { state: "SUBMITTED" as const, approvals: votes.filter((vote) => vote.decision === "APPROVE").length, quorum: cab.quorum };
    const moved = await tx.changeRequest.updateMany({ where: { id: changeId, state: "SUBMITTED" }, data: { state: outcome, decidedAt: now, decisionReason: data.reason } });
    if (moved.count === 0) throw conflict("The change was decided meanwhile; reload the page.");
    await recordAuditEvent(tx, actor, { action: outcome === "APPROVED" ? "change.approve" : "change.reject", entityType: "ChangeRequest", entityId: changeId, before: { state: "SUBMITTED" }, after: { state: outcome, reason: data.reason, quorum: cab.quorum } });
    const { subject, ...refs } = changeEventRefs(change);
    await emitEvent(tx, "change.decided", subject, { ...refs, outcome, reason: data.reason });
    return { state: outcome, approvals: votes.filter((vote) => vote.decision === "APPROVE").length, quorum: cab.quorum };
  });
  await requestSeal(prisma);
  return result;
}
