// Engineers of the owning team raise normal changes (draft or straight to the CAB) and emergency
// changes (approved at once to be implemented first, with a retrospective review due).
import type { Actor } from "../auth/actor";
import { actorId, actorLabel } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { AppError, parseInput } from "../errors";
import { planningWindowErrors } from "../validation/planning-window";
import { readCabSettings } from "./cab-settings";
import { emitEvent } from "../events/emit";
import { changeEventRefs, loadChange } from "./change-access";
import { scoreChange } from "./risk-inputs";
import { ZCreateChange } from "./schemas";

export async function raiseChange(prisma: Db, actor: Actor, input: unknown, now = new Date()) {
  const data = parseInput(ZCreateChange, input);
  const [service, environment] = await Promise.all([
    prisma.service.findUnique({ where: { slug: data.service }, select: { id: true, slug: true, teamId: true, tier: true, archivedAt: true, team: { select: { domainId: true } } } }),
    prisma.environment.findUnique({ where: { slug: data.environment }, select: { id: true } }),
  ]);
  const fields: Record<string, string[]> = planningWindowErrors({ start: data.plannedStart, end: data.plannedEnd }, now, { start: "plannedStart", end: "plannedEnd" });
  if (!service) fields.service = [`No service has the slug "${data.service}".`];
  else if (service.archivedAt) fields.service = ["The service is archived."];
  if (!environment) fields.environment = [`No environment has the slug "${data.environment}".`];
  if (Object.keys(fields).length) throw AppError.validation(fields);
  authorize(actor, "changes.raise", { teamId: service!.teamId });

  const emergency = data.type === "EMERGENCY";
  const state = emergency ? "APPROVED" : data.submit ? "SUBMITTED" : "DRAFT";
  const cab = await readCabSettings(prisma);
  const risk = state === "DRAFT" ? null : await scoreChange(prisma, { service: { ...service!, domainId: service!.team.domainId }, environmentId: environment!.id, plannedStart: data.plannedStart ?? (emergency ? now : null), commits: data.commits.length || null }, now);
  const created = await prisma.$transaction(async (tx) => {
    const change = await tx.changeRequest.create({
      data: {
        type: data.type,
        state,
        serviceId: service!.id,
        environmentId: environment!.id,
        version: data.version,
        summary: data.summary,
        description: data.description,
        implementationPlan: data.implementationPlan,
        rollbackPlan: data.rollbackPlan,
        plannedStart: data.plannedStart ?? (emergency ? now : null),
        plannedEnd: data.plannedEnd,
        commitShas: data.commits,
        requesterId: actor.kind === "PERSON" ? actorId(actor) : null,
        requesterLabel: actorLabel(actor),
        riskScore: risk?.score ?? null,
        riskLevel: risk?.level ?? null,
        submittedAt: state === "DRAFT" ? null : now,
        decidedAt: emergency ? now : null,
        decisionReason: emergency ? "Emergency change: implemented first, reviewed by the CAB afterwards." : null,
        reviewDueAt: emergency ? new Date(now.getTime() + cab.emergencyReviewHours * 3_600_000) : null,
      },
      select: { id: true, number: true, type: true, state: true, version: true, summary: true, reviewDueAt: true, riskScore: true },
    });
    await recordAuditEvent(tx, actor, { action: "change.raise", entityType: "ChangeRequest", entityId: change.id, after: { ...change, service: service!.slug, risk: risk?.factors } });
    if (state !== "DRAFT") {
      const { subject, ...refs } = changeEventRefs(await loadChange(tx, change.id));
      if (emergency) await emitEvent(tx, "change.emergency.raised", subject, { change: refs.change, service: refs.service, href: refs.href });
      else await emitEvent(tx, "change.submitted", subject, refs);
    }
    return change;
  });
  await requestSeal(prisma);
  return created;
}
