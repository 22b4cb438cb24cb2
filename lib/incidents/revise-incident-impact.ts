// The impact is revised as the incident unfolds, always with a recorded reason. Raising it to HIGH
// declares a major incident: the incident manager's call, and every on-call team is told.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { conflict, parseInput } from "../errors";
import { organisationMoneyUnit } from "../settings/queries";
import { authorizeMajor } from "./authorize-major";
import { emitIncidentEvent, incidentPayload } from "./incident-events";
import { incidentForResponse } from "./incident-access";
import { IMPACT_WORDS, impactFromLoss } from "./impact";
import { reviseImpactSchema } from "./schemas";
import { isOpen } from "./status-transitions";
import { addTimelineEntries, timelineActor } from "./timeline";

export async function reviseIncidentImpact(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<void> {
  const data = parseInput(reviseImpactSchema(await organisationMoneyUnit(prisma)), input);
  await prisma.$transaction(async (tx) => {
    const incident = await incidentForResponse(tx, actor, data.incidentId);
    if (!isOpen(incident.status)) throw conflict("Only an open incident's impact can be revised.", { impact: ["The incident is over: its impact stays as it was."] });
    const bands = data.impact ? [] : await tx.exposureBand.findMany({ select: { minLossPerHour: true, availabilityTarget: true } });
    const impact = data.impact ?? impactFromLoss(data.lossPerHour!, bands);
    if (impact === "HIGH" && incident.impact !== "HIGH") authorizeMajor(actor);
    if (impact === incident.impact && data.lossPerHour === undefined) throw conflict("The impact is already that.", { impact: [`The impact is already ${IMPACT_WORDS[impact].label.toLowerCase()}.`] });
    await tx.incident.update({ where: { id: incident.id }, data: { impact, ...(data.lossPerHour !== undefined ? { lossPerHour: data.lossPerHour } : {}) }, select: { id: true } });
    const who = timelineActor(actor);
    const words = IMPACT_WORDS[impact];
    await addTimelineEntries(tx, incident.id, actor, [{ kind: "IMPACT", message: `${who.actorLabel} revised the impact from ${IMPACT_WORDS[incident.impact].label.toLowerCase()} to ${words.label.toLowerCase()} (${words.priority}, ${words.restore}): ${data.reason}`, occurredAt: now }]);
    await recordAuditEvent(tx, actor, {
      action: "incident.impact",
      entityType: "Incident",
      entityId: incident.id,
      before: { impact: incident.impact },
      after: { impact, reason: data.reason, ...(data.lossPerHour !== undefined ? { lossPerHour: data.lossPerHour } : {}) },
    });
    if (impact !== incident.impact) {
      const payload = await incidentPayload(tx, incident.id);
      const by = { id: who.personId, name: who.actorLabel };
      await emitIncidentEvent(tx, "incident.impact-changed", payload, { from: incident.impact, reason: data.reason, by });
      if (impact === "HIGH") await emitIncidentEvent(tx, "incident.major-declared", payload, { by });
    }
  });
  await requestSeal(prisma);
}
