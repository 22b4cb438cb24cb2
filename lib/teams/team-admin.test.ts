import { describe, expect, it } from "vitest";
import { createDomain, createPerson, createTeam as createTeamRow } from "../../prisma/seed/factories";
import { adminActor, personActor, testDb } from "../../test/helpers";
import { AppError } from "../errors";
import { removeTeamMember, setTeamMembership } from "./manage-membership";
import { createTeam, updateTeam } from "./save-team";

const db = testDb;
const fail = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as AppError);
const suffix = () => Math.random().toString(36).slice(2, 8);

describe("team administration", () => {
  it("creates and edits a team with its audit events; only admins may", async () => {
    const domain = await createDomain(db());
    const slug = `platform-${suffix()}`;
    expect((await fail(createTeam(db(), personActor({ role: "ENGINEER" }), { name: "Platform", slug })))!.code).toBe("FORBIDDEN");
    const team = await createTeam(db(), adminActor(), { name: "Platform", slug, domainId: domain.id, chatChannel: "#platform" });
    await updateTeam(db(), adminActor(), slug, { name: "Platform Engineering", slug, domainId: "", chatChannel: "" });
    const row = await db().team.findUniqueOrThrow({ where: { id: team.id } });
    expect(row).toMatchObject({ name: "Platform Engineering", domainId: null, chatChannel: null });
    const actions = (await db().auditEvent.findMany({ where: { entityId: team.id }, orderBy: { occurredAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["team.create", "team.update"]);
  });

  it("refuses bad input field by field and an unknown domain, writing nothing", async () => {
    const slug = `x-${suffix()}`;
    const invalid = await fail(createTeam(db(), adminActor(), { name: "", slug: "Not A Slug" }));
    expect(Object.keys(invalid!.fieldErrors).sort()).toEqual(["name", "slug"]);
    const unknownDomain = await fail(createTeam(db(), adminActor(), { name: "Teamy", slug, domainId: "nope" }));
    expect(unknownDomain!.fieldErrors.domainId).toBeDefined();
    expect(await db().team.findUnique({ where: { slug } })).toBeNull();
  });

  it("adds, promotes and removes members, auditing each step", async () => {
    const team = await createTeamRow(db());
    const person = await createPerson(db());
    await setTeamMembership(db(), adminActor(), team.slug, { personId: person.id });
    await setTeamMembership(db(), adminActor(), team.slug, { personId: person.id, isLead: "on" });
    expect((await db().teamMembership.findUniqueOrThrow({ where: { teamId_personId: { teamId: team.id, personId: person.id } } })).isLead).toBe(true);
    await removeTeamMember(db(), adminActor(), team.slug, person.id);
    const actions = (await db().auditEvent.findMany({ where: { entityId: `${team.id}:${person.id}` }, orderBy: { occurredAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["team-membership.create", "team-membership.update", "team-membership.delete"]);
    expect((await fail(removeTeamMember(db(), adminActor(), team.slug, person.id)))!.code).toBe("NOT_FOUND");
    expect((await fail(setTeamMembership(db(), personActor({ teamIds: [team.id] }), team.slug, { personId: person.id })))!.code).toBe("FORBIDDEN");
  });
});
