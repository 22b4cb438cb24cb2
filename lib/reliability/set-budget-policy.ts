// An admin turns the organisation's error-budget policy on or off (/settings). The setting lives on
// the organisation's settings row; when no admin has saved one yet, saving the policy creates it with
// the currency in force by default, so the currency shown does not change.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { parseInput } from "../errors";
import { organisationSettings } from "../settings/queries";
import { ZBudgetPolicyInput } from "./schemas";

export async function setBudgetPolicy(prisma: Db, actor: Actor, input: unknown): Promise<{ errorBudgetPolicy: boolean }> {
  authorize(actor, "organisation.settings");
  const { errorBudgetPolicy } = parseInput(ZBudgetPolicyInput, input);
  const saved = await prisma.$transaction(async (tx) => {
    const row = await tx.organisationSettings.findUnique({ where: { id: 1 }, select: { errorBudgetPolicy: true } });
    if ((row?.errorBudgetPolicy ?? false) === errorBudgetPolicy) return { errorBudgetPolicy };
    const { currency } = await organisationSettings(tx);
    await tx.organisationSettings.upsert({ where: { id: 1 }, create: { id: 1, currency, errorBudgetPolicy }, update: { errorBudgetPolicy } });
    await recordAuditEvent(tx, actor, {
      action: "organisation.error-budget-policy", entityType: "OrganisationSettings", entityId: "1",
      before: { errorBudgetPolicy: row?.errorBudgetPolicy ?? false }, after: { errorBudgetPolicy },
    });
    return { errorBudgetPolicy };
  });
  await requestSeal(prisma);
  return saved;
}
