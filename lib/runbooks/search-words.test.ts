// What alerts and people type finds the runbooks: slugs, hyphenated and camel-cased words, "p99",
// in the search page and the quick-find palette, ranked as before (title > tags, alerts and service >
// body). Against PostgreSQL, with words unique to this file (the database is shared).
import { beforeAll, describe, expect, it } from "vitest";
import { createService, createTeam } from "../../prisma/seed/factories";
import { createRunbookWithHistory } from "../../prisma/seed/runbook-factories";
import { testDb } from "../../test/helpers";
import { quickFind, searchRunbooks } from "./search-queries";
import { prefixTerms, searchWords } from "./search-words";

const db = testDb;
const run = Date.now().toString(36).replace(/\d/g, "");
const slug = `ledger${run}-api`;
let otherSlug: string;

beforeAll(async () => {
  const team = await createTeam(db());
  const service = await createService(db(), { teamId: team.id, slug, name: `Ledger${run} API` });
  otherSlug = `payment${run}-gateway`;
  const other = await createService(db(), { teamId: team.id, slug: otherSlug, name: `Payment${run} Gateway` });
  await createRunbookWithHistory(db(), { serviceId: service.id, title: "Latency high", alertNames: [`Ledger${run}LatencyP99High`], revisions: [{ body: "Check the p99 panel first.", summary: "x" }] });
  await createRunbookWithHistory(db(), { serviceId: service.id, title: "Database failover", revisions: [{ body: "Promote the replica.", summary: "x" }] });
  await createRunbookWithHistory(db(), { serviceId: other.id, title: "Upstream timeout", revisions: [{ body: "When the acquirer times out, switch acquirer.", summary: "x" }] });
  await createRunbookWithHistory(db(), { serviceId: service.id, title: `Calls to payment${run}-gateway timeout and retries`, revisions: [{ body: "Retry with backoff.", summary: "x" }] });
});

const titles = async (q: string) => (await searchRunbooks(db(), { q })).hits.map((hit) => hit.title);

describe("searchWords", () => {
  it("splits slugs, dotted, snake and camel-cased words, and keeps search syntax", () => {
    expect(searchWords("checkout-api")).toBe("checkout api");
    expect(searchWords("CheckoutLatencyP99High")).toBe("Checkout Latency P99 High");
    expect(searchWords("payment-gateway timeout")).toBe("payment gateway timeout");
    expect(searchWords("db.primary_replica")).toBe("db primary replica");
    expect(searchWords('"restart pods" -staging')).toBe('"restart pods" -staging');
    expect(prefixTerms("checkout-ap")).toEqual(["checkout", "ap"]);
  });
});

describe("search finds what alerts and people type", () => {
  it("finds every runbook of a service by its slug, and by its name", async () => {
    expect((await titles(slug)).sort()).toEqual([`Calls to payment${run}-gateway timeout and retries`, "Database failover", "Latency high"].sort());
    expect((await titles(`ledger${run} api`)).sort()).toEqual((await titles(slug)).sort());
  });

  it("finds the alert's runbook by the alert name, first", async () => {
    expect((await titles(`Ledger${run}LatencyP99High`))[0]).toBe("Latency high");
    expect(await titles(`ledger${run} p99`)).toEqual(["Latency high"]);
  });

  it("ranks a hyphenated name in the title above the service that carries it as its slug", async () => {
    expect(await titles(`payment${run}-gateway timeout`)).toEqual([`Calls to payment${run}-gateway timeout and retries`, "Upstream timeout"]);
  });

  it("the quick-find palette finds runbooks by a slug being typed", async () => {
    const found = await quickFind(db(), `ledger${run}-ap`);
    expect(found.services.map((s) => s.slug)).toEqual([slug]);
    expect(found.runbooks.map((r) => r.title).sort()).toEqual([`Calls to payment${run}-gateway timeout and retries`, "Database failover", "Latency high"].sort());
  });
});
