// Full-text search (weighted, ranked, highlighted), stale lists and the alert lookup, on real PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { createService, createTeam } from "../../prisma/seed/factories";
import { createRunbookWithHistory } from "../../prisma/seed/runbook-factories";
import { personActor, testDb, tokenActor } from "../../test/helpers";
import { lookupRunbook } from "./lookup-runbook";
import { findRunbookForAlert, listStaleRunbooks, MARK_END, MARK_START, quickFind, SEARCH_PAGE_SIZE, searchRunbooks } from "./search-queries";

const db = testDb;
const word = `zebrafinch${Date.now()}`; // unique to this file: the database is shared with other test files
let team: { id: string; slug: string };
let otherTeam: { id: string; slug: string };
let service: { id: string; slug: string };
let otherService: { id: string; slug: string };

beforeAll(async () => {
  team = await createTeam(db());
  otherTeam = await createTeam(db());
  service = await createService(db(), { teamId: team.id });
  otherService = await createService(db(), { teamId: otherTeam.id });
  const old = new Date(Date.now() - 200 * 86_400_000);
  await createRunbookWithHistory(db(), { serviceId: service.id, title: "Mentions it in the body", revisions: [{ body: `Restart the ${word} worker <script>alert(1)</script> then check.`, summary: "x" }] });
  await createRunbookWithHistory(db(), { serviceId: service.id, title: `${word} outage`, revisions: [{ body: "Nothing else.", summary: "x" }] });
  await createRunbookWithHistory(db(), { serviceId: otherService.id, title: "Tagged one", tags: [word], alertNames: [`${word}Down`], revisions: [{ body: "Body.", summary: "x" }], lastReviewedAt: old });
});

describe("searchRunbooks", () => {
  it("ranks title matches above tag matches above body matches", async () => {
    const { hits, total } = await searchRunbooks(db(), { q: word });
    expect(total).toBe(3);
    expect(hits.map((hit) => hit.title)).toEqual([`${word} outage`, "Tagged one", "Mentions it in the body"]);
    expect(hits[0]!.rank).toBeGreaterThan(hits[1]!.rank);
    expect(hits[1]!.rank).toBeGreaterThan(hits[2]!.rank);
  });

  it("marks the matches in the title and a snippet of the body", async () => {
    const [hit] = (await searchRunbooks(db(), { q: `${word} worker` })).hits;
    expect(hit!.snippet).toContain(`${MARK_START}${word}${MARK_END}`);
    expect(hit!.snippet).toContain(`${MARK_START}worker${MARK_END}`);
    const [titled] = (await searchRunbooks(db(), { q: `${word} outage` })).hits;
    expect(titled!.titleHighlight).toBe(`${MARK_START}${word}${MARK_END} ${MARK_START}outage${MARK_END}`);
  });

  it("filters by team and service, and finds stale runbooks", async () => {
    expect((await searchRunbooks(db(), { q: word, team: otherTeam.slug })).hits.map((hit) => hit.title)).toEqual(["Tagged one"]);
    expect((await searchRunbooks(db(), { q: word, service: service.slug })).hits.map((hit) => hit.title).sort()).toEqual([`${word} outage`, "Mentions it in the body"].sort());
    expect((await searchRunbooks(db(), { q: word, stale: "only" })).hits.map((hit) => hit.title)).toEqual(["Tagged one"]);
    const stale = await listStaleRunbooks(db(), { teamIds: [otherTeam.id] });
    expect(stale.map((row) => row.title)).toEqual(["Tagged one"]);
    expect(stale[0]!.review.daysOverdue).toBe(110);
  });

  it("pages through many matches, best first, with the count of all of them", async () => {
    const many = `kestrel${Date.now()}`;
    for (let i = 0; i < SEARCH_PAGE_SIZE + 3; i++) {
      await createRunbookWithHistory(db(), { serviceId: service.id, title: `Runbook ${String(i).padStart(2, "0")}`, revisions: [{ body: `About ${many}.`, summary: "x" }] });
    }
    const first = await searchRunbooks(db(), { q: many });
    expect(first).toMatchObject({ total: SEARCH_PAGE_SIZE + 3, page: 1, pageSize: SEARCH_PAGE_SIZE });
    expect(first.hits).toHaveLength(SEARCH_PAGE_SIZE);
    const second = await searchRunbooks(db(), { q: many, page: 2 });
    expect(second.hits.map((hit) => hit.title)).toEqual(["Runbook 20", "Runbook 21", "Runbook 22"]);
    expect(new Set([...first.hits, ...second.hits].map((hit) => hit.id)).size).toBe(SEARCH_PAGE_SIZE + 3);
    // Past the last page: no hits, but still the count, so the page can offer a way back.
    expect(await searchRunbooks(db(), { q: many, page: 9 })).toMatchObject({ hits: [], total: SEARCH_PAGE_SIZE + 3 });
  });

  it("treats search terms as data, not SQL or tsquery syntax", async () => {
    await expect(searchRunbooks(db(), { q: "'; DROP TABLE \"Runbook\"; -- & | ! :*" })).resolves.toMatchObject({ hits: expect.any(Array) });
    await expect(quickFind(db(), "a & | ! ( :*")).resolves.toHaveProperty("runbooks");
  });

  it("quick-find matches runbook title prefixes", async () => {
    const result = await quickFind(db(), word.slice(0, 8));
    expect(result.runbooks.map((runbook) => runbook.title)).toContain(`${word} outage`);
  });
});

describe("findRunbookForAlert", () => {
  it("finds the runbook an alert is linked to, only on its own service", async () => {
    expect(await findRunbookForAlert(db(), otherService.slug, `${word}Down`)).toMatchObject({ title: "Tagged one" });
    expect(await findRunbookForAlert(db(), service.slug, `${word}Down`)).toBeNull();
    expect(await findRunbookForAlert(db(), otherService.slug, "UnknownAlert")).toBeNull();
  });
});

describe("lookupRunbook (GET /api/v1/runbooks/lookup)", () => {
  it("answers the title and path for a signed-in person or a token with runbooks:read", async () => {
    const query = { service: otherService.slug, alert: `${word}Down` };
    const expected = { title: "Tagged one", path: `/runbooks/${otherService.slug}/tagged-one` };
    await expect(lookupRunbook(db(), personActor({ role: "CHANGE_MANAGER" }), query)).resolves.toEqual(expected);
    await expect(lookupRunbook(db(), tokenActor({ scopes: ["runbooks:read"] }), query)).resolves.toEqual(expected);
  });

  it("refuses a token without the scope", async () => {
    const error = await lookupRunbook(db(), tokenActor({ scopes: ["deployments:write"] }), { service: otherService.slug, alert: `${word}Down` }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/runbooks:read/) });
  });

  it("answers 404 with a message that says what is missing", async () => {
    const person = personActor();
    await expect(lookupRunbook(db(), person, { service: otherService.slug, alert: "Nope" })).rejects.toMatchObject({
      code: "NOT_FOUND", status: 404, message: expect.stringMatching(/is linked to the alert "Nope"/),
    });
    await expect(lookupRunbook(db(), person, { service: "no-such-service", alert: "Nope" })).rejects.toMatchObject({
      code: "NOT_FOUND", message: 'There is no service with the slug "no-such-service".',
    });
    await expect(lookupRunbook(db(), person, { service: null, alert: null })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
