// The restart backoff of scripts/supervise.mjs (the supervisor itself is tested by starting the launcher:
// test/launcher.test.ts, test/web-workers.test.ts).
import { describe, expect, it } from "vitest";
import { describeExit, restartDelay } from "../scripts/supervise.mjs";

describe("restart backoff", () => {
  it.each([
    [1, 250],
    [2, 500],
    [3, 1000],
    [4, 2000],
    [5, 4000],
    [6, 4000],
  ])("restart %i within the window waits %i ms", (recentExits, ms) => {
    expect(restartDelay(recentExits, { firstMs: 250, maxMs: 4000 })).toBe(ms);
  });

  it("names a signal when there was one, otherwise the exit code", () => {
    expect(describeExit(null, "SIGKILL")).toBe("signal SIGKILL");
    expect(describeExit(3, null)).toBe("code 3");
  });
});
