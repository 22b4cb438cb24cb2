// The session's person read, as a prepared statement on the portal's own pool.
import { describe, expect, it } from "vitest";
import { createPerson, createTeam } from "../../prisma/seed/factories";
import { db } from "../db";
import { readSessionPerson } from "./person-lookup";

describe("readSessionPerson", () => {
  it("reads role, incident-manager flag and teams; a deactivated person says so; an unknown id is null", async () => {
    const [first, second] = [await createTeam(db()), await createTeam(db())];
    const person = await createPerson(db(), { role: "CHANGE_MANAGER", teams: [{ teamId: second.id }, { teamId: first.id }] });
    const read = await readSessionPerson(person.id);
    expect(read).toEqual({
      id: person.id, name: person.name, email: person.email, role: "CHANGE_MANAGER", isIncidentManager: false, deactivated: false,
      teamIds: [first.id, second.id].sort(),
    });
    const loner = await createPerson(db());
    expect((await readSessionPerson(loner.id))!.teamIds).toEqual([]);
    await db().person.update({ where: { id: loner.id }, data: { deactivatedAt: new Date() } });
    expect((await readSessionPerson(loner.id))!.deactivated).toBe(true);
    expect(await readSessionPerson("no-such-person")).toBeNull();
  });
});
