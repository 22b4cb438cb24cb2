import { db } from "../db";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";

export async function findActivePersonByEmail(email: string) {
  const person = await db().person.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, deactivatedAt: true },
  });
  return person && !person.deactivatedAt ? person : null;
}

/** First single-sign-on of an unknown email, when auto-provisioning is on: a new engineer. */
export async function provisionPersonFromSso(email: string, name: string) {
  const person = await db().$transaction(async (tx) => {
    const created = await tx.person.create({
      data: { email: email.toLowerCase(), name, role: "ENGINEER" },
      select: { id: true, email: true, name: true, role: true, deactivatedAt: true },
    });
    await recordAuditEvent(tx, { kind: "SYSTEM", label: "sso-provisioning" }, {
      action: "person.create",
      entityType: "Person",
      entityId: created.id,
      after: created,
    });
    return created;
  });
  await requestSeal(db());
  return person;
}
