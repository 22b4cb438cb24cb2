// A draft goes to the CAB: it needs a version and a planned time, and gets its risk score.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { AppError, conflict } from "../errors";
import { emitEvent } from "../events/emit";
import { changeEventRefs, loadChange, serviceForRisk } from "./change-access";
import { scoreChange } from "./risk-inputs";

export async function submitChange(prisma: Db, actor: Actor, changeId: string, now = new Date()) {
  const change = await loadChange(prisma, changeId);
  authorize(actor, "changes.raise", { teamId: change.service.teamId });
  if (change.state !== "DRAFT") throw conflict(`CHG-${change.number} is ${change.state.toLowerCase()}, not a draft.`);
  const fields: Record<string, string[]> = {};
  if (!change.version) fields.version = ["Name the version the change ships before submitting it."];
  if (!change.plannedStart) fields.plannedStart = ["Plan when the change happens before submitting it."];
  if (Object.keys(fields).length) throw AppError.validation(fields, "The change is not ready for the CAB.");
  const risk = await scoreChange(prisma, { service: serviceForRisk(change), environmentId: change.environmentId, plannedStart: change.plannedStart, commits: change.commitShas.length || null }, now);
  await prisma.$transaction(async (tx) => {
    const moved = await tx.changeRequest.updateMany({ where: { id: changeId, state: "DRAFT" }, data: { state: "SUBMITTED", submittedAt: now, riskScore: risk.score, riskLevel: risk.level } });
    if (moved.count === 0) throw conflict("The change was changed meanwhile; reload the page.");
    await recordAuditEvent(tx, actor, { action: "change.submit", entityType: "ChangeRequest", entityId: changeId, before: { state: "DRAFT" }, after: { state: "SUBMITTED", riskScore: risk.score, riskLevel: risk.level } });
    const { subject, ...refs } = changeEventRefs(change);
    await emitEvent(tx, "change.submitted", subject, refs);
  });
  await requestSeal(prisma);
}
