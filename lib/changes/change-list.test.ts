// The changes list: its query string, and keyset paging against real PostgreSQL (stable under inserts,
// forwards and back, with filters and the count).
import { beforeAll, describe, expect, it } from "vitest";
import { createEnvironments, createService, createTeam } from "../../prisma/seed/factories";
import { testDb } from "../../test/helpers";
import { assemblePage, changeListHref, changeNumberIn, decodeCursor, encodeCursor, parseChangeListParams, type ChangeListQuery } from "./change-list";
import { listChangesPage } from "./queries";

const db = testDb;

describe("the list's query string", () => {
  it("keeps the filters it knows and ignores anything else", () => {
    expect(parseChangeListParams({ state: "SUBMITTED", type: "NORMAL", service: "Checkout-API", team: "payments", q: "  CHG-102 ", from: "2026-11-01", to: "2026-11-30" })).toEqual({
      filters: { state: "SUBMITTED", type: "NORMAL", service: "checkout-api", team: "payments", q: "CHG-102", from: "2026-11-01", to: "2026-11-30" },
    });
    expect(parseChangeListParams({ state: "NOPE", type: "standard", service: "../etc", from: "2026-02-30", to: "yesterday", after: "garbage" })).toEqual({ filters: {} });
    expect(parseChangeListParams({ service: ["a", "b"] }).filters).toEqual({ service: "a" });
  });

  it("round-trips a cursor and keeps the filters in every page link", () => {
    const cursor = { at: new Date("2026-11-24T10:00:00.123Z"), id: "cmx7ma1at00b7bo7dgv5nx4uu" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor("12_a b")).toBeNull();
    expect(parseChangeListParams({ after: encodeCursor(cursor), before: encodeCursor(cursor) })).toEqual({ filters: {}, after: cursor });
    expect(changeListHref({ service: "checkout-api", q: "db migration" }, { after: cursor })).toBe(`/changes?service=checkout-api&q=db+migration&after=${encodeCursor(cursor)}`);
    expect(changeListHref({})).toBe("/changes");
  });

  it.each([["CHG-102", 102], ["chg102", 102], ["102", 102], ["migration 102", null], ["CHG-", null]])("reads %s as change number %s", (q, number) => {
    expect(changeNumberIn(q)).toBe(number);
  });

  it("assembles pages from a read of size + 1 rows", () => {
    const row = (n: number) => ({ id: `r${n}`, createdAt: new Date(n * 1000) });
    // First page, newest first: one row more than the page, so there is a next page and no previous.
    expect(assemblePage([row(9), row(8), row(7)], 2, "after", false)).toEqual({ items: [row(9), row(8)], next: { at: row(8).createdAt, id: "r8" }, previous: null });
    // Backwards from a cursor: rows come oldest first and are shown newest first.
    expect(assemblePage([row(3), row(4), row(5)], 2, "before", true)).toEqual({ items: [row(4), row(3)], next: { at: row(3).createdAt, id: "r3" }, previous: { at: row(4).createdAt, id: "r4" } });
    expect(assemblePage([row(1)], 2, "after", true)).toEqual({ items: [row(1)], next: null, previous: { at: row(1).createdAt, id: "r1" } });
  });
});

describe("keyset paging of changes", () => {
  let slug: string;
  let otherSlug: string;
  const BASE = Date.parse("2026-10-01T09:00:00Z");
  const numbers: number[] = [];

  beforeAll(async () => {
    const environments = await createEnvironments(db());
    const production = environments.find((environment) => environment.slug === "production")!;
    const team = await createTeam(db());
    const service = await createService(db(), { teamId: team.id });
    const other = await createService(db(), { teamId: team.id });
    slug = service.slug;
    otherSlug = other.slug;
    // 12 changes on the service, two of them raised in the same millisecond (the id breaks the tie), and 3 on another.
    for (let index = 0; index < 15; index += 1) {
      const created = await db().changeRequest.create({
        data: {
          type: "NORMAL", serviceId: index < 12 ? service.id : other.id, environmentId: production.id, requesterLabel: "test",
          summary: index === 4 ? "Rotate the database password" : `Routine change ${index}`,
          createdAt: new Date(BASE + (index === 6 ? 5 : index) * 3_600_000),
        },
        select: { number: true },
      });
      numbers.push(created.number);
    }
  });

  const pageOf = (query: ChangeListQuery) => listChangesPage(db(), query, 5);
  const numbersOf = (page: Awaited<ReturnType<typeof pageOf>>) => page.items.map((item) => item.number);

  it("pages forwards and back through a service's changes with their count", async () => {
    const filters = { service: slug };
    const first = await pageOf({ filters });
    expect(first.total).toBe(12);
    expect(first.previous).toBeNull();
    const second = await pageOf({ filters, after: first.next! });
    const third = await pageOf({ filters, after: second.next! });
    expect(third.next).toBeNull();
    const all = [...numbersOf(first), ...numbersOf(second), ...numbersOf(third)];
    expect(all).toHaveLength(12);
    expect(new Set(all).size).toBe(12); // the tie at one instant neither repeats nor skips a change
    const back = await pageOf({ filters, before: third.previous! });
    expect(numbersOf(back)).toEqual(numbersOf(second));
    const start = await pageOf({ filters, before: back.previous! });
    expect(numbersOf(start)).toEqual(numbersOf(first));
    expect(start.previous).toBeNull();
  });

  it("stays put when changes are raised while someone pages", async () => {
    const filters = { service: slug };
    const first = await pageOf({ filters });
    const second = await pageOf({ filters, after: first.next! });
    const service = await db().service.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const environment = await db().environment.findUniqueOrThrow({ where: { slug: "production" }, select: { id: true } });
    const added = await db().changeRequest.create({ data: { type: "NORMAL", serviceId: service.id, environmentId: environment.id, requesterLabel: "test", summary: "Raised meanwhile" }, select: { id: true } });
    expect(numbersOf(await pageOf({ filters, after: first.next! }))).toEqual(numbersOf(second));
    expect((await pageOf({ filters })).total).toBe(13);
    await db().changeRequest.delete({ where: { id: added.id } });
  });

  it("filters by text (summary words or the number), team and day range", async () => {
    expect(numbersOf(await pageOf({ filters: { service: slug, q: "database PASSWORD" } }))).toEqual([numbers[4]]);
    expect(numbersOf(await pageOf({ filters: { q: `CHG-${numbers[13]}` } }))).toEqual([numbers[13]]);
    expect((await pageOf({ filters: { service: otherSlug } })).total).toBe(3);
    const team = await db().service.findUniqueOrThrow({ where: { slug }, select: { team: { select: { slug: true } } } });
    expect((await pageOf({ filters: { team: team.team.slug } })).total).toBe(15);
    // 2026-10-01 09:00 plus 0..14 hours: everything on the 1st; the 2nd holds nothing.
    expect((await pageOf({ filters: { service: slug, from: "2026-10-01", to: "2026-10-01" } })).total).toBe(12);
    expect((await pageOf({ filters: { service: slug, from: "2026-10-02" } })).total).toBe(0);
  });
});
