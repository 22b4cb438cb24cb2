// Who single sign-on lets in, against the run's PostgreSQL: registered people, new people only with
// auto-provisioning (created as engineers, audited in the same transaction), never deactivated people.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPerson } from "../../prisma/seed/factories";
import { db } from "../db";
import { admitSsoPerson, nameFromSso } from "./people-for-auth";

const newEmail = () => `sso.${randomBytes(6).toString("hex")}@Example.TEST`;

async function personWithEvents(email: string) {
  const person = await db().person.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, name: true, role: true } });
  const events = person
    ? await db().auditEvent.findMany({ where: { entityType: "Person", entityId: person.id }, select: { action: true, actorKind: true, actorLabel: true, after: true } })
    : [];
  return { person, events };
}

describe("admitSsoPerson", () => {
  it("admits a registered, active person and writes nothing", async () => {
    const person = await createPerson(db());
    const before = await db().auditEvent.count({ where: { entityId: person.id } });
    expect(await admitSsoPerson(person.email.toUpperCase(), "Whatever The IdP Says", true)).toEqual({ admitted: true });
    expect(await db().auditEvent.count({ where: { entityId: person.id } })).toBe(before);
  });

  it("refuses an unknown email without auto-provisioning and creates nobody", async () => {
    const email = newEmail();
    expect(await admitSsoPerson(email, "Una Unknown", false)).toEqual({ refused: "NotRegistered" });
    expect((await personWithEvents(email)).person).toBeNull();
  });

  it("creates an unknown email as an engineer with auto-provisioning, audited as the system", async () => {
    const email = newEmail();
    expect(await admitSsoPerson(email, "  Nina\u0000 Newcomer ", true)).toEqual({ admitted: true });
    const { person, events } = await personWithEvents(email);
    expect(person).toMatchObject({ name: "Nina Newcomer", role: "ENGINEER" });
    expect(events).toEqual([
      { action: "person.create", actorKind: "SYSTEM", actorLabel: "sso-provisioning", after: expect.objectContaining({ email: email.toLowerCase(), role: "ENGINEER" }) },
    ]);
  });

  it("refuses a deactivated person, also with auto-provisioning, and does not create them again", async () => {
    const person = await createPerson(db());
    await db().person.update({ where: { id: person.id }, data: { deactivatedAt: new Date() } });
    for (const autoProvision of [false, true]) {
      expect(await admitSsoPerson(person.email, person.name, autoProvision)).toEqual({ refused: "Deactivated" });
    }
    expect(await db().person.count({ where: { email: person.email } })).toBe(1);
  });

  it("admits both of two simultaneous first sign-ins and creates the person once", async () => {
    const email = newEmail();
    const results = await Promise.all([admitSsoPerson(email, "Twin", true), admitSsoPerson(email, "Twin", true)]);
    expect(results).toEqual([{ admitted: true }, { admitted: true }]);
    expect((await personWithEvents(email)).events).toHaveLength(1);
  });
});

describe("nameFromSso", () => {
  it.each([
    ["Nina Newcomer", "Nina Newcomer"],
    ["  spaced\tout\n name ", "spaced out name"],
    ["bell\u0007and\u0000nul", "bell and nul"],
    ["", "fallback@example.test"],
    [null, "fallback@example.test"],
    ["\u0000\u0001", "fallback@example.test"],
    ["x".repeat(200), "x".repeat(120)],
  ])("%j → %j", (name, expected) => {
    expect(nameFromSso(name, "fallback@example.test")).toBe(expected);
  });
});
