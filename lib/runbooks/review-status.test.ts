import { describe, expect, it } from "vitest";
import { reviewStatus } from "./review-status";

const now = new Date("2026-11-26T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe("reviewStatus", () => {
  it.each([
    { reviewed: 0, interval: 90, stale: false, daysLeft: 90, daysOverdue: 0 },
    { reviewed: 89, interval: 90, stale: false, daysLeft: 1, daysOverdue: 0 },
    { reviewed: 90, interval: 90, stale: true, daysLeft: 0, daysOverdue: 0 },
    { reviewed: 120, interval: 90, stale: true, daysLeft: 0, daysOverdue: 30 },
    { reviewed: 8, interval: 7, stale: true, daysLeft: 0, daysOverdue: 1 },
    { reviewed: 400, interval: 730, stale: false, daysLeft: 330, daysOverdue: 0 },
  ])("reviewed $reviewed days ago, every $interval days → stale $stale", ({ reviewed, interval, stale, daysLeft, daysOverdue }) => {
    const status = reviewStatus(daysAgo(reviewed), interval, now);
    expect(status).toMatchObject({ stale, daysLeft, daysOverdue });
  });
});
