import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { conflict, isUniqueViolation, parseInput } from "../errors";
import { personDtoSelect, type PersonDto } from "./person-dto";
import { ZAddPerson } from "./schemas";

export async function addPerson(prisma: Db, actor: Actor, input: unknown): Promise<PersonDto> {
  authorize(actor, "people.manage");
  const data = parseInput(ZAddPerson, input);
  try {
    const person = await prisma.$transaction(async (tx) => {
      const created = await tx.person.create({ data, select: personDtoSelect });
      await recordAuditEvent(tx, actor, { action: "person.create", entityType: "Person", entityId: created.id, after: created });
      return created;
    });
    await requestSeal(prisma);
    return person;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A person with email ${data.email} already exists.`, { email: ["This email is already registered."] });
    throw error;
  }
}
