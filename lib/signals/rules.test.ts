import { describe, expect, it } from "vitest";
import type { AvailabilityTarget } from "../generated/prisma/enums.ts";
import { accountabilityWindows, compareMedians, countsByWeeksAgo, everyServiceAtTop, isStuck, risingVerdict, rotaVerdict, teamScheduleWithoutNeed } from "./rules";

const svc = (target: AvailabilityTarget, slug = target) => ({ slug, name: slug, teamId: "t", target });

describe("inflated targets", () => {
  it.each([
    ["every service at the top band's 99.99%", ["P99_99", "P99_99", "P99_99"], "P99_99", true],
    ["one service below the top", ["P99_99", "P99_9", "P99_99"], "P99_99", false],
    ["a single service says nothing", ["P99_99"], "P99_99", false],
    ["no bands", ["P99_9", "P99_9"], null, false],
  ] as const)("%s", (_, targets, top, expected) => {
    expect(everyServiceAtTop({ total: targets.length, atTop: targets.filter((t) => t === top).length }, top)).toBe(expected);
  });

  it.each([
    ["all 99.0% and 95.0%: the team rota covers nothing its targets ask", ["P99_0", "P95_0"], true],
    ["one 99.9% service needs the team rota", ["P99_0", "P99_9"], false],
    ["a 99.99% service needs it", ["P99_99"], false],
    ["a team without services", [], false],
  ] as const)("team schedule: %s", (_, targets, flagged) => {
    expect(teamScheduleWithoutNeed(targets.map((t) => svc(t))) !== null).toBe(flagged);
  });
});

describe("thin rotas", () => {
  it.each([
    ["two people, fair", 2, [100, 100], true, false],
    ["three people, fair", 3, [100, 100, 100], false, false],
    ["four people, one carries 1.5× the median", 4, [150, 100, 100, 100], false, true],
    ["four people, one carries 1.4× the median", 4, [140, 100, 100, 100], false, false],
    ["five people, median of an odd list", 5, [300, 100, 100, 100, 50], false, true],
    ["one person with hours has no ratio", 3, [200, 0, 0], false, false],
    ["nobody on the rota", 0, [], true, false],
  ] as const)("%s", (_, participants, hours, thin, unfair) => {
    const verdict = rotaVerdict({ participants, hoursByPerson: hours });
    expect({ thin: verdict.thin, unfair: verdict.unfair }).toEqual({ thin, unfair });
  });

  it("reports the evidence numbers", () => {
    expect(rotaVerdict({ participants: 4, hoursByPerson: [300, 100, 100, 100] })).toEqual({ thin: false, unfair: true, maxHours: 300, medianHours: 100, ratio: 3 });
  });
});

describe("excessive unplanned work", () => {
  it("buckets counts by weeks ago, oldest first, dropping what is outside", () => {
    expect(countsByWeeksAgo([{ weeksAgo: 0, count: 3 }, { weeksAgo: 7, count: 1 }, { weeksAgo: 8, count: 9 }, { weeksAgo: 0, count: 1 }])).toEqual([1, 0, 0, 0, 0, 0, 0, 4]);
  });

  it.each([
    ["each of the last 3 weeks above the one before", [0, 0, 0, 0, 1, 2, 3, 4], true, "streak"],
    ["a flat week breaks the streak, and 1.5× is not met", [3, 3, 3, 3, 2, 3, 3, 4], false, null],
    ["the last 4 weeks 1.5× the 4 before", [1, 1, 1, 1, 2, 1, 2, 1], true, "ratio"],
    ["the last 4 weeks 1.4× the 4 before", [2, 3, 2, 3, 4, 3, 3, 4], false, null],
    ["from nothing to three is too little to call", [0, 0, 0, 0, 1, 0, 2, 0], false, null],
    ["falling", [5, 4, 3, 2, 1, 1, 1, 0], false, null],
    ["all zero", [0, 0, 0, 0, 0, 0, 0, 0], false, null],
  ] as const)("%s", (_, counts, rising, why) => {
    expect(risingVerdict(counts)).toMatchObject({ rising, why });
  });
});

describe("stuck actions", () => {
  const now = new Date("2026-12-04T00:00:00Z");
  it.each([
    ["60 days old is not stuck yet", "2026-10-05T00:00:00Z", false],
    ["61 days old is stuck", "2026-10-04T00:00:00Z", true],
    ["a week old", "2026-11-27T00:00:00Z", false],
  ])("%s", (_, openedAt, stuck) => expect(isStuck(new Date(openedAt), now)).toBe(stuck));
});

describe("lost accountability", () => {
  const H = 3_600_000;
  it.each([
    ["lead time doubled", [10 * H, 12 * H, 14 * H], [24 * H, 26 * H], true],
    ["lead time up 20%", [10 * H], [12 * H], false],
    ["lead time up 25%", [10 * H], [12.5 * H], true],
    ["better after the move", [20 * H], [10 * H], false],
    ["nothing before to compare", [], [20 * H], false],
    ["nothing after to compare", [10 * H], [], false],
  ])("%s", (_, before, after, worse) => expect(compareMedians(before, after).worse).toBe(worse));

  it.each([
    ["a move 10 days ago is too recent", "2026-11-24T00:00:00Z", null],
    ["a move 30 days ago compares 60 days before with 30 after", "2026-11-04T00:00:00Z", { beforeDays: 60, afterDays: 30 }],
    ["a move 90 days ago compares 60 with 60", "2026-09-05T00:00:00Z", { beforeDays: 60, afterDays: 60 }],
  ])("%s", (_, changedAt, expected) => {
    const windows = accountabilityWindows(new Date(changedAt), new Date("2026-12-04T00:00:00Z"));
    const days = (w: { from: Date; to: Date }) => Math.round((w.to.getTime() - w.from.getTime()) / 86_400_000);
    expect(windows ? { beforeDays: days(windows.before), afterDays: days(windows.after) } : null).toEqual(expected);
  });
});
