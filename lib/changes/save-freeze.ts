// Change managers declare freeze windows for the organisation, a domain, a team or a service.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { AppError, notFound, parseInput } from "../errors";
import { planningWindowErrors } from "../validation/planning-window";
import { ZFreeze } from "./schemas";

const select = { id: true, name: true, reason: true, scope: true, domainId: true, teamId: true, serviceId: true, startsAt: true, endsAt: true } as const;

export async function saveFreeze(prisma: Db, actor: Actor, input: unknown, freezeId?: string, now = new Date()) {
  authorize(actor, "freezes.manage"); // who may, before what they sent is read
  const data = parseInput(ZFreeze, input);
  // A freeze dated 2020 or 9999 would be saved and never shown (the list shows what is current).
  const dates = planningWindowErrors({ start: data.startsAt, end: data.endsAt }, now, { start: "startsAt", end: "endsAt" });
  if (Object.keys(dates).length) throw AppError.validation(dates);
  // The target is named by slug in forms and the API.
  const target = { domainId: null as string | null, teamId: null as string | null, serviceId: null as string | null };
  if (data.scope === "DOMAIN") target.domainId = (await prisma.domain.findUnique({ where: { slug: data.target }, select: { id: true } }))?.id ?? null;
  if (data.scope === "TEAM") target.teamId = (await prisma.team.findUnique({ where: { slug: data.target }, select: { id: true } }))?.id ?? null;
  if (data.scope === "SERVICE") target.serviceId = (await prisma.service.findUnique({ where: { slug: data.target }, select: { id: true } }))?.id ?? null;
  if (data.scope !== "ORGANISATION" && !target.domainId && !target.teamId && !target.serviceId) {
    throw AppError.validation({ target: [`No ${data.scope.toLowerCase()} has the slug "${data.target}".`] });
  }
  const values = { name: data.name, reason: data.reason, scope: data.scope, ...target, startsAt: data.startsAt!, endsAt: data.endsAt! };
  const saved = await prisma.$transaction(async (tx) => {
    const before = freezeId ? await tx.freezeWindow.findUnique({ where: { id: freezeId }, select }) : null;
    if (freezeId && !before) throw notFound("The freeze window");
    const freeze = freezeId
      ? await tx.freezeWindow.update({ where: { id: freezeId }, data: values, select })
      : await tx.freezeWindow.create({ data: { ...values, createdById: actor.kind === "PERSON" ? actor.id : null }, select });
    await recordAuditEvent(tx, actor, { action: freezeId ? "freeze.update" : "freeze.create", entityType: "FreezeWindow", entityId: freeze.id, before: before ?? undefined, after: freeze });
    return freeze;
  });
  await requestSeal(prisma);
  return saved;
}

export async function deleteFreeze(prisma: Db, actor: Actor, freezeId: string) {
  authorize(actor, "freezes.manage");
  await prisma.$transaction(async (tx) => {
    const before = await tx.freezeWindow.findUnique({ where: { id: freezeId }, select });
    if (!before) throw notFound("The freeze window");
    await tx.freezeWindow.delete({ where: { id: freezeId } });
    await recordAuditEvent(tx, actor, { action: "freeze.delete", entityType: "FreezeWindow", entityId: freezeId, before });
  });
  await requestSeal(prisma);
}
