// The catalogue list: its query string, and keyset paging against real PostgreSQL (by team then name,
// forwards and back, stable under inserts, with filters, search and the count).
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createDomain, createService, createTeam } from "../../prisma/seed/factories";
import { testDb } from "../../test/helpers";
import { listServicesPage } from "./queries";
import { assembleServicePage, parseServiceListParams, serviceListHref, type ServiceListQuery } from "./service-list";

const db = testDb;

describe("the list's query string", () => {
  it("keeps the filters it knows and ignores anything else", () => {
    expect(parseServiceListParams({ q: "  ledger ", team: "ledger", tier: "TIER_1", target: "P99_9", lifecycle: "PRODUCTION", archived: "include", after: "cmx67lbnn0001" })).toEqual({
      filters: { q: "ledger", team: "ledger", tier: "TIER_1", target: "P99_9", lifecycle: "PRODUCTION", archived: "include" },
      after: "cmx67lbnn0001",
    });
    expect(parseServiceListParams({ tier: "TIER_9", archived: "all", q: "", after: "../etc", before: "a b" })).toEqual({ filters: {} });
    expect(parseServiceListParams({ team: ["a", "b"], before: "bs12" })).toEqual({ filters: { team: "a" }, before: "bs12" });
  });

  it("keeps the filters in every page link", () => {
    expect(serviceListHref({ team: "ledger", q: "core jobs" }, { after: "bs7" })).toBe("/services?team=ledger&q=core+jobs&after=bs7");
    expect(serviceListHref({}, { before: "bs3" })).toBe("/services?before=bs3");
    expect(serviceListHref({})).toBe("/services");
  });

  it("assembles pages from a read of size + 1 rows", () => {
    const row = (id: string) => ({ id });
    expect(assembleServicePage([row("a"), row("b"), row("c")], 2, "after", false)).toEqual({ items: [row("a"), row("b")], next: "b", previous: null });
    // Backwards from a cursor: rows come last first and are shown in list order.
    expect(assembleServicePage([row("e"), row("d"), row("c")], 2, "before", true)).toEqual({ items: [row("d"), row("e")], next: "e", previous: "d" });
    expect(assembleServicePage([row("f")], 2, "after", true)).toEqual({ items: [row("f")], next: null, previous: "f" });
  });
});

describe("keyset paging of the catalogue", () => {
  const tag = randomBytes(4).toString("hex");
  let domain: string;
  let teamIds: string[];
  const expected: string[] = []; // slugs in list order: team name, then service name, then id

  beforeAll(async () => {
    const made0 = await createDomain(db(), { slug: `paging-${tag}`, name: `Paging ${tag}` });
    domain = made0.slug;
    // Two teams whose names sort the other way round from their creation; two services share a name (the id breaks the tie).
    const zulu = await createTeam(db(), { name: `Zulu ${tag}`, slug: `zulu-${tag}`, domainId: made0.id });
    const alpha = await createTeam(db(), { name: `Alpha ${tag}`, slug: `alpha-${tag}`, domainId: made0.id });
    teamIds = [alpha.id, zulu.id];
    const names = ["Orders", "Billing", "Search", "Billing", "Ledger"];
    const made: { slug: string; id: string; name: string; team: string }[] = [];
    for (const [teamIndex, team] of [zulu, alpha].entries()) {
      for (const [index, name] of names.entries()) {
        const service = await createService(db(), { teamId: team.id, name, slug: `paging-${tag}-${teamIndex}-${index}`, tier: index === 2 ? "TIER_1" : "TIER_3" });
        made.push({ slug: service.slug, id: service.id, name, team: team.name });
      }
    }
    const sorted = [...made].sort((a, b) => (a.team === b.team ? (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1) : a.team < b.team ? -1 : 1));
    expected.push(...sorted.map((service) => service.slug));
  });

  const pageOf = (query: ServiceListQuery) => listServicesPage(db(), query, 3);
  const slugsOf = (page: Awaited<ReturnType<typeof pageOf>>) => page.items.map((item) => item.slug);

  it("pages forwards and back by team then name, with the count", async () => {
    const filters = { domain };
    const pages = [await pageOf({ filters })];
    expect(pages[0]!.total).toBe(10);
    expect(pages[0]!.previous).toBeNull();
    while (pages.at(-1)!.next) pages.push(await pageOf({ filters, after: pages.at(-1)!.next! }));
    expect(pages).toHaveLength(4);
    expect(pages.flatMap(slugsOf)).toEqual(expected); // the tie on "Billing" neither repeats nor skips a service
    const back = await pageOf({ filters, before: pages[3]!.previous! });
    expect(slugsOf(back)).toEqual(slugsOf(pages[2]!));
    expect(await pageOf({ filters, before: pages[0]!.items[0]!.id })).toMatchObject({ items: [], next: null, previous: null });
    const first = await pageOf({ filters, before: pages[1]!.previous! });
    expect(slugsOf(first)).toEqual(slugsOf(pages[0]!));
    expect(first.previous).toBeNull();
  });

  it("stays put when a service is added on an earlier page", async () => {
    const filters = { domain };
    const first = await pageOf({ filters });
    const second = await pageOf({ filters, after: first.next! });
    const added = await createService(db(), { teamId: teamIds[0]!, name: "Aardvark", slug: `paging-${tag}-added` });
    expect(slugsOf(await pageOf({ filters, after: first.next! }))).toEqual(slugsOf(second));
    expect((await pageOf({ filters })).total).toBe(11);
    await db().service.delete({ where: { id: added.id } });
  });

  it("keeps filters and search while paging, and starts from the top for a cursor that is gone", async () => {
    expect(slugsOf(await pageOf({ filters: { domain, tier: "TIER_1" } }))).toEqual(expected.filter((slug) => slug.endsWith("-2")));
    const billing = await pageOf({ filters: { domain, q: "billing" } });
    expect(billing.total).toBe(4);
    expect(slugsOf(await pageOf({ filters: { domain, q: "billing" }, after: billing.next! }))).toEqual(expected.filter((slug) => /-[13]$/.test(slug)).slice(3));
    expect(slugsOf(await pageOf({ filters: { domain }, after: "no-such-service" }))).toEqual(expected.slice(0, 3));
  });
});
