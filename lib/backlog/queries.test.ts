// The balance as the database sums it (queries.ts) agrees with the pure rule on a hand-worked backlog,
// including items done either side of a Monday 00:00 UTC and unestimated ones.
import { describe, expect, it } from "vitest";
import { createTeam } from "../../prisma/seed/factories";
import { testDb } from "../../test/helpers";
import { doneByWeek, plannedShare } from "./balance";
import { teamBalances } from "./queries";

const db = testDb;
const NOW = new Date("2026-12-09T12:00:00Z"); // Wednesday; the week began Monday 7 December

describe("teamBalances", () => {
  it("sums planned and done work per UTC ISO week as balance.ts does", async () => {
    const team = await createTeam(db());
    const rows = [
      { type: "PRODUCT", status: "TODO", estimate: 5, doneAt: null },
      { type: "OPERATIONAL", status: "DOING", estimate: 3, doneAt: null },
      { type: "OPERATIONAL", status: "TODO", estimate: null, doneAt: null },
      { type: "OPERATIONAL", status: "DONE", estimate: 2, doneAt: new Date("2026-12-07T00:00:00.000Z") },
      { type: "PRODUCT", status: "DONE", estimate: 6, doneAt: new Date("2026-12-06T23:59:59.999Z") },
      { type: "PRODUCT", status: "DONE", estimate: null, doneAt: new Date("2026-12-01T10:00:00Z") },
      { type: "OPERATIONAL", status: "DONE", estimate: 9, doneAt: new Date("2026-01-01T10:00:00Z") }, // outside the 12 weeks
    ] as const;
    await db().backlogItem.createMany({ data: rows.map((row, i) => ({ teamId: team.id, title: `Item ${i}`, rank: `a${i}`, ...row, subtype: row.type === "OPERATIONAL" ? "TOIL" : null })) });
    const [balance] = await teamBalances(db(), [team.id], NOW);
    expect(balance!.planned).toEqual({ operational: 3, total: 8, share: 37.5, unestimated: 1 });
    expect(balance!.planned).toEqual(plannedShare(rows));
    expect(balance!.doneByWeek).toEqual(doneByWeek(rows, NOW));
    expect(balance!.doneByWeek.slice(-2)).toEqual([
      { week: "2026-11-30", operational: 0, total: 6, share: 0, unestimated: 1 },
      { week: "2026-12-07", operational: 2, total: 2, share: 100, unestimated: 0 },
    ]);
    expect(balance!.signal).toBeNull();
  });
});
