// Template management against real PostgreSQL: admins only, one starter at most, every change audited.
import { describe, expect, it } from "vitest";
import { adminActor, personActor, testDb } from "../../test/helpers";
import { getTemplate } from "./queries";
import { deleteRunbookTemplate, saveRunbookTemplate } from "./save-runbook-template";

const db = testDb;
const slug = () => `tpl-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
const input = (overrides: Record<string, unknown> = {}) => ({ name: "Queue backlog", slug: slug(), description: "", body: "# {{service}} queue", tags: "queue", ...overrides });

describe("runbook templates", () => {
  it("lets admins create, edit and delete templates, each audited", async () => {
    const admin = adminActor();
    const { slug: created } = await saveRunbookTemplate(db(), admin, null, input());
    await saveRunbookTemplate(db(), admin, created, input({ slug: created, name: "Queue backlog growing" }));
    const template = await getTemplate(db(), created);
    expect(template).toMatchObject({ name: "Queue backlog growing", tags: ["queue"] });
    await deleteRunbookTemplate(db(), admin, created);
    expect(await getTemplate(db(), created)).toBeNull();
    const events = await db().auditEvent.findMany({ where: { entityId: template!.id }, orderBy: { occurredAt: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["runbook-template.create", "runbook-template.update", "runbook-template.delete"]);
  });

  it("refuses engineers and bad input", async () => {
    await expect(saveRunbookTemplate(db(), personActor({ teamIds: ["any"] }), null, input())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveRunbookTemplate(db(), adminActor(), null, input({ name: "", slug: "Bad Slug", body: "" }))).rejects.toMatchObject({
      code: "VALIDATION", fieldErrors: { name: expect.any(Array), slug: expect.any(Array), body: expect.any(Array) },
    });
  });

  it("keeps at most one starter template", async () => {
    const admin = adminActor();
    const { slug: starter } = await saveRunbookTemplate(db(), admin, null, input({ isStarter: "on" }));
    expect(await db().runbookTemplate.count({ where: { isStarter: true } })).toBe(1);
    expect((await getTemplate(db(), starter))!.isStarter).toBe(true);
    // Give the built-in its role back, for other files creating services in this database.
    await saveRunbookTemplate(db(), admin, "service-overview", { ...(await getTemplate(db(), "service-overview"))!, tags: ["overview"], isStarter: true });
    expect(await db().runbookTemplate.count({ where: { isStarter: true } })).toBe(1);
    await deleteRunbookTemplate(db(), admin, starter);
  });
});
