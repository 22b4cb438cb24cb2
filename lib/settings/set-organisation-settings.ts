// An admin sets the organisation's currency. Amounts keep their numbers: this changes the unit every
// money figure is shown and typed in (exposure, bands, on-call pay), it converts nothing.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { parseInput } from "../errors";
import { organisationSettings } from "./queries";
import { ZOrganisationSettingsInput } from "./schemas";

export async function setOrganisationSettings(prisma: Db, actor: Actor, input: unknown): Promise<{ currency: string }> {
  authorize(actor, "organisation.settings"); // who may, before what they sent is read
  const data = parseInput(ZOrganisationSettingsInput, input);
  const saved = await prisma.$transaction(async (tx) => {
    const current = await organisationSettings(tx);
    // Saving the currency already chosen writes nothing; saving the default pins it (and says so).
    if (current.chosen && current.currency === data.currency) return { currency: current.currency };
    const after = await tx.organisationSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data, select: { currency: true } });
    const before = current.chosen ? { currency: current.currency } : { currency: `${current.currency} (default)` };
    await recordAuditEvent(tx, actor, { action: "organisation.settings", entityType: "OrganisationSettings", entityId: "1", before, after });
    return after;
  });
  await requestSeal(prisma);
  return saved;
}
