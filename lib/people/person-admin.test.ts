import { describe, expect, it } from "vitest";
import { createPerson } from "../../prisma/seed/factories";
import { adminActor, personActor, testDb } from "../../test/helpers";
import { AppError } from "../errors";
import { setPersonActive, updatePerson } from "./update-person";

const db = testDb;
const fail = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as AppError);

describe("people administration", () => {
  it("changes name, role and the incident-manager flag with before and after in the audit trail", async () => {
    const person = await createPerson(db(), { role: "ENGINEER" });
    await updatePerson(db(), adminActor(), person.id, { name: "Renamed", role: "PRODUCT_MANAGER", isIncidentManager: "on" });
    expect(await db().person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ name: "Renamed", role: "PRODUCT_MANAGER", isIncidentManager: true });
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: person.id, action: "person.update" } });
    expect(event.before).toMatchObject({ role: "ENGINEER" });
    expect(event.after).toMatchObject({ role: "PRODUCT_MANAGER" });
  });

  it("refuses non-admins and bad roles", async () => {
    const person = await createPerson(db());
    expect((await fail(updatePerson(db(), personActor({ role: "CHANGE_MANAGER" }), person.id, { name: "x", role: "ADMIN" })))!.code).toBe("FORBIDDEN");
    const invalid = await fail(updatePerson(db(), adminActor(), person.id, { name: "", role: "BOSS" as never }));
    expect(Object.keys(invalid!.fieldErrors).sort()).toEqual(["name", "role"]);
  });

  it("deactivates and reactivates, but never yourself", async () => {
    const person = await createPerson(db());
    await setPersonActive(db(), adminActor(), person.id, false);
    expect((await db().person.findUniqueOrThrow({ where: { id: person.id } })).deactivatedAt).not.toBeNull();
    expect((await fail(setPersonActive(db(), adminActor(), person.id, false)))!.code).toBe("CONFLICT");
    await setPersonActive(db(), adminActor(), person.id, true);
    const self = await createPerson(db(), { role: "ADMIN" });
    const refused = await fail(setPersonActive(db(), personActor({ id: self.id, role: "ADMIN" }), self.id, false));
    expect(refused!.message).toMatch(/cannot deactivate yourself/);
  });
});
