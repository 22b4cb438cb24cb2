// Backlog use cases against the run's real PostgreSQL: items with their type rules, links and stamps,
// one priority order rewritten one row at a time (also when two reorders race), the target share, and
// the audit sentence of each change.
import { beforeAll, describe, expect, it } from "vitest";
import { createPerson, createService, createTeam } from "../../prisma/seed/factories";
import { actorFor, personActor, testDb } from "../../test/helpers";
import { describeAuditEvents } from "../audit/describe-audit-events";
import { sentenceText } from "../audit/sentence-kit";
import { AppError } from "../errors";
import { createBacklogItem } from "./create-backlog-item";
import { deleteBacklogItem } from "./delete-backlog-item";
import { editBacklogItem } from "./edit-backlog-item";
import { moveBacklogItem } from "./move-backlog-item";
import { teamBacklog } from "./queries";
import { reorderBacklogItem } from "./reorder-backlog-item";
import { setTargetShare } from "./set-target-share";

const db = testDb;
const T0 = new Date("2026-12-02T10:00:00Z");

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

type P = Awaited<ReturnType<typeof createPerson>>;
let team: { id: string; slug: string; name: string };
let otherTeam: { id: string; slug: string; name: string };
let service: { id: string; slug: string };
let foreignService: { id: string };
let member: P;
let pm: P;
let outsider: P;
let adminPerson: P;
const admin = () => actorFor(adminPerson);

beforeAll(async () => {
  team = await createTeam(db());
  otherTeam = await createTeam(db());
  service = await createService(db(), { teamId: team.id });
  foreignService = await createService(db(), { teamId: otherTeam.id });
  member = await createPerson(db(), { name: "Pat Member", teams: [{ teamId: team.id }] });
  pm = await createPerson(db(), { role: "PRODUCT_MANAGER", teams: [{ teamId: team.id }] });
  outsider = await createPerson(db(), { teams: [{ teamId: otherTeam.id }] });
  adminPerson = await createPerson(db(), { role: "ADMIN" });
});

const order = async (teamId: string) => (await db().backlogItem.findMany({ where: { teamId }, orderBy: { rank: "asc" }, select: { title: true } })).map((i) => i.title);
const sentencesOf = async (entityId: string) => {
  const events = await db().auditEvent.findMany({ where: { entityId }, orderBy: { occurredAt: "asc" } });
  return (await describeAuditEvents(db(), events)).map((e) => sentenceText(e.sentence));
};

describe("items", () => {
  it("a member adds product and operational work; the subtype goes with the type", async () => {
    const actor = actorFor(member);
    const product = await createBacklogItem(db(), actor, { teamSlug: team.slug, title: "Gift cards at checkout", type: "PRODUCT", estimate: "8" }, T0);
    const ops = await createBacklogItem(db(), actor, { teamSlug: team.slug, title: "Add retries to payment client", type: "OPERATIONAL", subtype: "RELIABILITY", estimate: "3", serviceId: service.id, ownerId: member.id, dueOn: "2026-12-20", labels: "resilience, Payments" }, T0);
    const row = await db().backlogItem.findUniqueOrThrow({ where: { id: ops.id }, select: { source: true, status: true, serviceId: true, ownerId: true, dueAt: true, labels: true, createdById: true } });
    expect(row).toEqual({ source: "MANUAL", status: "TODO", serviceId: service.id, ownerId: member.id, dueAt: new Date("2026-12-20T23:59:59.999Z"), labels: ["resilience", "payments"], createdById: member.id });
    expect(product.number).toBeLessThan(ops.number);
    expect(await sentencesOf(ops.id)).toEqual([`Pat Member added BL-${ops.number} 'Add retries to payment client' to ${team.name}'s backlog: operational (reliability), 3 points`]);
  });

  it("hostile or inconsistent input is a field error and writes nothing", async () => {
    const actor = actorFor(member);
    const before = await db().backlogItem.count({ where: { teamId: team.id } });
    const cases: [unknown, string][] = [
      [{ teamSlug: team.slug, title: "Operational without a kind", type: "OPERATIONAL" }, "subtype"],
      [{ teamSlug: team.slug, title: "Product with a kind", type: "PRODUCT", subtype: "TOIL" }, "subtype"],
      [{ teamSlug: team.slug, title: "Too big", type: "PRODUCT", estimate: "101" }, "estimate"],
      [{ teamSlug: team.slug, title: "Negative", type: "PRODUCT", estimate: "-1" }, "estimate"],
      [{ teamSlug: team.slug, title: "Half a point", type: "PRODUCT", estimate: "2.5" }, "estimate"],
      [{ teamSlug: team.slug, title: "Nul\u0000", type: "PRODUCT" }, "title"],
      [{ teamSlug: team.slug, title: "x", type: "PRODUCT" }, "title"],
      [{ teamSlug: team.slug, title: "Weird type", type: "EPIC" }, "type"],
      [{ teamSlug: team.slug, title: "Not a member owns it", type: "PRODUCT", ownerId: outsider.id }, "ownerId"],
      [{ teamSlug: team.slug, title: "Another team's service", type: "PRODUCT", serviceId: foreignService.id }, "serviceId"],
      [{ teamSlug: team.slug, title: "No such incident", type: "PRODUCT", incidentNumber: "INC-999999999" }, "incidentNumber"],
      [{ teamSlug: team.slug, title: "Bad date", type: "PRODUCT", dueOn: "2026-13-45" }, "dueOn"],
      [{ teamSlug: team.slug, title: { $gt: "" }, type: "PRODUCT" }, "title"],
    ];
    for (const [input, field] of cases) {
      const error = await rejection(createBacklogItem(db(), actor, input, T0));
      expect(error.code, JSON.stringify(input)).toBe("VALIDATION");
      expect(Object.keys(error.fieldErrors), JSON.stringify(input)).toContain(field);
    }
    expect(await db().backlogItem.count({ where: { teamId: team.id } })).toBe(before);
  });

  it("only the team and admins edit its backlog", async () => {
    expect((await rejection(createBacklogItem(db(), actorFor(outsider), { teamSlug: team.slug, title: "Sneaky", type: "PRODUCT" }, T0))).code).toBe("FORBIDDEN");
    const byAdmin = await createBacklogItem(db(), admin(), { teamSlug: team.slug, title: "Admin adds", type: "PRODUCT" }, T0);
    expect((await rejection(deleteBacklogItem(db(), actorFor(outsider), { itemId: byAdmin.id }))).code).toBe("FORBIDDEN");
    await deleteBacklogItem(db(), admin(), { itemId: byAdmin.id });
    expect(await db().backlogItem.findUnique({ where: { id: byAdmin.id } })).toBeNull();
    expect((await sentencesOf(byAdmin.id)).at(-1)).toMatch(new RegExp(`deleted BL-${byAdmin.number} 'Admin adds' from .*backlog \\(product, to do\\)`));
  });

  it("status moves set and clear the started and done stamps, and say so", async () => {
    const actor = actorFor(member);
    const { id, number } = await createBacklogItem(db(), actor, { teamSlug: team.slug, title: "Upgrade the HTTP library", type: "OPERATIONAL", subtype: "LIBRARY_UPGRADE", estimate: 2 }, T0);
    const stamps = () => db().backlogItem.findUniqueOrThrow({ where: { id }, select: { status: true, startedAt: true, doneAt: true } });
    const t1 = new Date("2026-12-02T11:00:00Z");
    const t2 = new Date("2026-12-03T11:00:00Z");
    await moveBacklogItem(db(), actor, { itemId: id, status: "DOING" }, t1);
    expect(await stamps()).toEqual({ status: "DOING", startedAt: t1, doneAt: null });
    await moveBacklogItem(db(), actor, { itemId: id, status: "DONE" }, t2);
    expect(await stamps()).toEqual({ status: "DONE", startedAt: t1, doneAt: t2 });
    await moveBacklogItem(db(), actor, { itemId: id, status: "DOING" }, t2);
    expect(await stamps()).toEqual({ status: "DOING", startedAt: t1, doneAt: null });
    await moveBacklogItem(db(), actor, { itemId: id, status: "TODO" }, t2);
    expect(await stamps()).toEqual({ status: "TODO", startedAt: null, doneAt: null });
    expect((await rejection(moveBacklogItem(db(), actor, { itemId: id, status: "TODO" }, t2))).code).toBe("CONFLICT");
    expect((await sentencesOf(id))[2]).toBe(`Pat Member moved BL-${number} 'Upgrade the HTTP library' to done (was doing)`);
  });

  it("an edit changes the fields and records what changed", async () => {
    const actor = actorFor(member);
    const { id } = await createBacklogItem(db(), actor, { teamSlug: team.slug, title: "Rotate the signing keys", type: "OPERATIONAL", subtype: "SECURITY_PATCH", estimate: 1 }, T0);
    await editBacklogItem(db(), actor, { itemId: id, title: "Rotate the signing keys", type: "OPERATIONAL", subtype: "SECURITY_PATCH", estimate: "5" });
    expect((await db().backlogItem.findUniqueOrThrow({ where: { id }, select: { estimate: true } })).estimate).toBe(5);
    expect((await rejection(editBacklogItem(db(), actor, { itemId: id, title: "Rotate the signing keys", type: "PRODUCT", subtype: "SECURITY_PATCH" }))).fieldErrors).toHaveProperty("subtype");
    expect((await sentencesOf(id)).at(-1)).toMatch(/raised .*estimate from 1 points to 5 points/);
  });
});

describe("editing an item that came from elsewhere", () => {
  it("keeps an owner from another team (a review action's) but does not let one be chosen", async () => {
    const item = await db().backlogItem.create({ data: { teamId: team.id, type: "OPERATIONAL", subtype: "INCIDENT_ACTION", title: "Action owned elsewhere", rank: "Zz", source: "REVIEW_ACTION", ownerId: outsider.id }, select: { id: true } });
    await editBacklogItem(db(), actorFor(member), { itemId: item.id, title: "Action owned elsewhere", type: "OPERATIONAL", subtype: "INCIDENT_ACTION", estimate: "2", ownerId: outsider.id });
    expect((await db().backlogItem.findUniqueOrThrow({ where: { id: item.id }, select: { ownerId: true, estimate: true } }))).toEqual({ ownerId: outsider.id, estimate: 2 });
    const another = await createPerson(db(), { teams: [{ teamId: otherTeam.id }] });
    expect((await rejection(editBacklogItem(db(), actorFor(member), { itemId: item.id, title: "Action owned elsewhere", type: "OPERATIONAL", subtype: "INCIDENT_ACTION", ownerId: another.id }))).fieldErrors).toHaveProperty("ownerId");
  });
});

describe("one priority order", () => {
  let t: { id: string; slug: string; name: string };
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTeam(db());
    await createPerson(db(), { teams: [{ teamId: t.id }] });
    for (const title of ["A", "B", "C", "D"]) ids[title] = (await createBacklogItem(db(), admin(), { teamSlug: t.slug, title: `Item ${title}`, type: "PRODUCT", estimate: 1 }, T0)).id;
  });
  const titles = async () => (await order(t.id)).map((title) => title.replace("Item ", "")).join("");

  it("new items go to the bottom; a reorder puts one between its neighbours, at the top or the bottom", async () => {
    expect(await titles()).toBe("ABCD");
    await reorderBacklogItem(db(), admin(), { itemId: ids.D, to: "after", targetId: ids.A });
    expect(await titles()).toBe("ADBC");
    await reorderBacklogItem(db(), admin(), { itemId: ids.C, to: "top" });
    expect(await titles()).toBe("CADB");
    await reorderBacklogItem(db(), admin(), { itemId: ids.C, to: "bottom" });
    expect(await titles()).toBe("ADBC");
    await reorderBacklogItem(db(), admin(), { itemId: ids.B, to: "before", targetId: ids.A });
    expect(await titles()).toBe("BADC");
  });

  it("a reorder rewrites one row, and its sentence says where it went", async () => {
    const before = await db().backlogItem.findMany({ where: { teamId: t.id }, select: { id: true, rank: true, updatedAt: true } });
    await reorderBacklogItem(db(), admin(), { itemId: ids.A, to: "after", targetId: ids.D });
    const after = await db().backlogItem.findMany({ where: { teamId: t.id }, select: { id: true, rank: true, updatedAt: true } });
    const changed = after.filter((row) => before.find((b) => b.id === row.id)!.rank !== row.rank);
    expect(changed.map((row) => row.id)).toEqual([ids.A]);
    expect(await titles()).toBe("BDAC");
    expect((await sentencesOf(ids.A!)).at(-1)).toMatch(/moved BL-\d+ 'Item A' below BL-\d+ 'Item D'/);
  });

  it("moving to where it already is writes nothing; odd places are field errors", async () => {
    expect((await reorderBacklogItem(db(), admin(), { itemId: ids.B, to: "top" })).moved).toBe(false);
    expect((await rejection(reorderBacklogItem(db(), admin(), { itemId: ids.B, to: "after", targetId: ids.B }))).fieldErrors).toHaveProperty("targetId");
    const foreign = await createBacklogItem(db(), admin(), { teamSlug: team.slug, title: "Elsewhere", type: "PRODUCT" }, T0);
    expect((await rejection(reorderBacklogItem(db(), admin(), { itemId: ids.B, to: "after", targetId: foreign.id }))).fieldErrors).toHaveProperty("targetId");
    expect((await rejection(reorderBacklogItem(db(), admin(), { itemId: ids.B, to: "sideways", rank: "a0" }))).code).toBe("VALIDATION");
    expect((await rejection(reorderBacklogItem(db(), personActor(), { itemId: ids.B, to: "top" }))).code).toBe("FORBIDDEN");
  });

  it("concurrent reorders into the same gap never produce equal ranks", async () => {
    const c = await createTeam(db());
    const made: string[] = [];
    for (let i = 0; i < 8; i += 1) made.push((await createBacklogItem(db(), admin(), { teamSlug: c.slug, title: `Race ${i}`, type: "PRODUCT" }, T0)).id);
    // Everyone moves into the gap right after the first item, at once, twice over.
    for (let round = 0; round < 2; round += 1) {
      await Promise.all(made.slice(1).map((itemId) => reorderBacklogItem(db(), admin(), { itemId, to: "after", targetId: made[0]! })));
      await Promise.all(made.slice(2).map((itemId, i) => reorderBacklogItem(db(), admin(), { itemId, to: i % 2 ? "top" : "bottom" })));
    }
    const ranks = (await db().backlogItem.findMany({ where: { teamId: c.id }, select: { rank: true } })).map((row) => row.rank);
    expect(new Set(ranks).size).toBe(ranks.length);
  });

  it("the page lists open items by position and the planned share moves with estimates", async () => {
    const view = await teamBacklog(db(), personActor(), t.slug, T0);
    expect(view!.open.map((item) => item.position)).toEqual([1, 2, 3, 4]);
    expect(view!.balance.planned).toEqual({ operational: 0, total: 4, share: 0, unestimated: 0 });
    await createBacklogItem(db(), admin(), { teamSlug: t.slug, title: "Toil away", type: "OPERATIONAL", subtype: "TOIL", estimate: 4 }, T0);
    expect((await teamBacklog(db(), personActor(), t.slug, T0))!.balance.planned.share).toBe(50);
  });
});

describe("the target share", () => {
  it("the team's product manager sets it, 0–100 %, audited; no one else may", async () => {
    await setTargetShare(db(), actorFor(pm), { teamSlug: team.slug, target: "25" });
    expect((await db().team.findUniqueOrThrow({ where: { id: team.id }, select: { targetOperationalShare: true } })).targetOperationalShare).toBe(25);
    expect((await rejection(setTargetShare(db(), actorFor(member), { teamSlug: team.slug, target: "30" }))).code).toBe("FORBIDDEN");
    expect((await rejection(setTargetShare(db(), admin(), { teamSlug: team.slug, target: "30" }))).code).toBe("FORBIDDEN");
    expect((await rejection(setTargetShare(db(), actorFor(pm), { teamSlug: team.slug, target: "101" }))).fieldErrors).toHaveProperty("target");
    expect((await rejection(setTargetShare(db(), actorFor(pm), { teamSlug: team.slug, target: "25" }))).code).toBe("CONFLICT");
    const events = await db().auditEvent.findMany({ where: { entityId: team.id, action: "backlog.set-target" } });
    expect((await describeAuditEvents(db(), events)).map((e) => sentenceText(e.sentence))).toEqual([expect.stringMatching(/set .*'s? target operational share to 25 % \(was none\)/)]);
  });
});
