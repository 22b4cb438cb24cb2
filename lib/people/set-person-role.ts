import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { notFound, parseInput } from "../errors";
import { personDtoSelect, type PersonDto } from "./person-dto";
import { ZSetPersonRole } from "./schemas";

export async function setPersonRole(prisma: Db, actor: Actor, input: unknown): Promise<PersonDto> {
  authorize(actor, "people.manage");
  const { email, role } = parseInput(ZSetPersonRole, input);
  const person = await prisma.$transaction(async (tx) => {
    const before = await tx.person.findUnique({ where: { email }, select: personDtoSelect });
    if (!before) throw notFound(`Person ${email}`);
    const after = await tx.person.update({ where: { id: before.id }, data: { role }, select: personDtoSelect });
    await recordAuditEvent(tx, actor, { action: "person.set-role", entityType: "Person", entityId: after.id, before, after });
    return after;
  });
  await requestSeal(prisma);
  return person;
}
