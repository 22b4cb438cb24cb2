// After its date, the product manager records what the metric did: validated, invalidated or
// inconclusive, with the evidence. Before the date it is refused (rules.ts decisionRefusal).
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { AppError, parseInput } from "../errors";
import { hypothesisForManage } from "./hypothesis-access";
import { decisionRefusal } from "./rules";
import { ZRecordResult } from "./schemas";

export async function recordHypothesisResult(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<{ id: string; number: number }> {
  const data = parseInput(ZRecordResult, input);
  const saved = await prisma.$transaction(async (tx) => {
    const hypothesis = await hypothesisForManage(tx, actor, data.hypothesisId);
    const refusal = decisionRefusal(hypothesis, now);
    if (refusal) throw AppError.validation({ result: [refusal] }, refusal);
    // Guarded on "still undecided", so two product managers deciding at once cannot both win.
    const { count } = await tx.hypothesis.updateMany({
      where: { id: hypothesis.id, result: null },
      data: { result: data.result, evidence: data.evidence, decidedAt: now, decidedById: actor.kind === "PERSON" ? actor.id : null },
    });
    if (count === 0) throw AppError.validation({ result: ["The result is already recorded."] }, "The result is already recorded.");
    await recordAuditEvent(tx, actor, { action: "hypothesis.record-result", entityType: "Hypothesis", entityId: hypothesis.id, before: { result: null }, after: { result: data.result, evidence: data.evidence } });
    return { id: hypothesis.id, number: hypothesis.number };
  });
  await requestSeal(prisma);
  return saved;
}
