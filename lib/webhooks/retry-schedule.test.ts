import { describe, expect, it } from "vitest";
import { attemptOffsetsSeconds, GIVE_UP_AFTER_MS, nextAttemptAt } from "./retry-schedule";

const start = new Date("2026-12-03T10:00:00Z");
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

describe("the webhook retry schedule", () => {
  it.each([
    { failed: 1, now: 0, next: 5 },
    { failed: 2, now: 5, next: 35 },
    { failed: 3, now: 35, next: 155 },
    { failed: 8, now: 13_355, next: 27_755 },
    { failed: 12, now: 70_955, next: 85_355 },
  ])("after failure $failed at +$now s, tries again at +$next s", ({ failed, now, next }) => {
    expect(nextAttemptAt(start, failed, at(now))).toEqual(at(next));
  });

  it("retries the first failure within 10 seconds", () => {
    expect(nextAttemptAt(start, 1, start)!.getTime() - start.getTime()).toBeLessThanOrEqual(10_000);
  });

  it("gives up once the next attempt would be more than 24 hours after the round started", () => {
    expect(nextAttemptAt(start, 13, at(85_355))).toBeNull();
    expect(nextAttemptAt(start, 1, new Date(start.getTime() + GIVE_UP_AFTER_MS))).toBeNull();
  });

  it("makes 13 attempts in a round, the last one under 24 hours in", () => {
    const offsets = attemptOffsetsSeconds();
    expect(offsets).toEqual([0, 5, 35, 155, 755, 2_555, 6_155, 13_355, 27_755, 42_155, 56_555, 70_955, 85_355]);
    expect(offsets.at(-1)! * 1000).toBeLessThanOrEqual(GIVE_UP_AFTER_MS);
  });
});
