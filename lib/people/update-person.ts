import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db, DbTx } from "../db";
import { AppError, conflict, notFound, parseInput } from "../errors";
import { personDtoSelect, type PersonDto } from "./person-dto";
import { ZUpdatePerson } from "./schemas";

/** Refuses a change that would leave the organisation without an active admin to manage it. */
export async function keepAnAdmin(tx: DbTx, personId: string): Promise<void> {
  const others = await tx.person.count({ where: { role: "ADMIN", deactivatedAt: null, id: { not: personId } } });
  if (others === 0) throw conflict("Runwell needs at least one active admin; make someone else an admin first.", { role: ["The last active admin must stay an admin."] });
}

export async function updatePerson(prisma: Db, actor: Actor, personId: string, input: unknown): Promise<PersonDto> {
  authorize(actor, "people.manage");
  const data = parseInput(ZUpdatePerson, input);
  const person = await prisma.$transaction(async (tx) => {
    const before = await tx.person.findUnique({ where: { id: personId }, select: { ...personDtoSelect, deactivatedAt: true } });
    if (!before) throw notFound("The person");
    if (before.role === "ADMIN" && data.role !== "ADMIN" && !before.deactivatedAt) await keepAnAdmin(tx, personId);
    const after = await tx.person.update({ where: { id: personId }, data, select: personDtoSelect });
    const { deactivatedAt: _deactivatedAt, ...beforeDto } = before;
    await recordAuditEvent(tx, actor, { action: "person.update", entityType: "Person", entityId: personId, before: beforeDto, after });
    return after;
  });
  await requestSeal(prisma);
  return person;
}

/** Deactivated people cannot sign in and leave rotas; their history stays. */
export async function setPersonActive(prisma: Db, actor: Actor, personId: string, active: boolean, now = new Date()): Promise<void> {
  authorize(actor, "people.manage");
  if (!active && actor.kind === "PERSON" && actor.id === personId) {
    throw AppError.validation({ _form: ["You cannot deactivate yourself."] }, "You cannot deactivate yourself.");
  }
  await prisma.$transaction(async (tx) => {
    const before = await tx.person.findUnique({ where: { id: personId }, select: { id: true, role: true, deactivatedAt: true } });
    if (!before) throw notFound("The person");
    if (active === !before.deactivatedAt) throw conflict(active ? "The person is already active." : "The person is already deactivated.");
    if (!active && before.role === "ADMIN") await keepAnAdmin(tx, personId);
    const after = await tx.person.update({
      where: { id: personId },
      data: { deactivatedAt: active ? null : now },
      select: { id: true, role: true, deactivatedAt: true },
    });
    await recordAuditEvent(tx, actor, {
      action: active ? "person.reactivate" : "person.deactivate",
      entityType: "Person",
      entityId: personId,
      before,
      after,
    });
  });
  await requestSeal(prisma);
}
