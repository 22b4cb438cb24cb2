import { db } from "../db";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { isUniqueViolation } from "../errors";

export async function findActivePersonByEmail(email: string) {
  const person = await db().person.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, deactivatedAt: true },
  });
  return person && !person.deactivatedAt ? person : null;
}

/** The provider's display name as a person's name: printable, at most 120 characters, else the email. */
export function nameFromSso(name: string | null | undefined, email: string): string {
  const printable = (name ?? "").replace(/\p{Cc}/gu, " ").replace(/\s+/g, " ").trim().slice(0, 120).trim();
  return printable || email;
}

/** First single-sign-on of an unknown email, when auto-provisioning is on: a new engineer. */
async function provisionPersonFromSso(email: string, name: string | null | undefined) {
  const person = await db().$transaction(async (tx) => {
    const created = await tx.person.create({
      data: { email: email.toLowerCase(), name: nameFromSso(name, email), role: "ENGINEER" },
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

/** Why a single sign-on was refused; each is a sign-in error code (components/auth/sign-in-messages.ts). */
export type SsoRefusal = "NotRegistered" | "Deactivated";

/**
 * Whether the person the provider vouched for may come in. A deactivated person stays out even with
 * auto-provisioning on (creating them again would collide with their row); an unknown email is
 * created only when auto-provisioning is on.
 */
export async function admitSsoPerson(
  email: string,
  name: string | null | undefined,
  autoProvision: boolean,
): Promise<{ admitted: true } | { refused: SsoRefusal }> {
  const existing = await db().person.findUnique({ where: { email: email.toLowerCase() }, select: { deactivatedAt: true } });
  if (existing) return existing.deactivatedAt ? { refused: "Deactivated" } : { admitted: true };
  if (!autoProvision) return { refused: "NotRegistered" };
  try {
    await provisionPersonFromSso(email, name);
    return { admitted: true };
  } catch (error) {
    // Two first sign-ins of one email at once: the other created the person; decide on that row.
    if (isUniqueViolation(error)) return admitSsoPerson(email, name, false);
    throw error;
  }
}
