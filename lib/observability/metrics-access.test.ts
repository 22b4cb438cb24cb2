import { describe, expect, it } from "vitest";
import { metricsScrapeAllowed } from "./metrics-access";

const TOKEN = "scrape-secret-0123456789";

describe("who may scrape /api/metrics", () => {
  it("anyone when no token is configured", () => {
    expect(metricsScrapeAllowed(null, undefined)).toBe(true);
    expect(metricsScrapeAllowed("Bearer whatever", undefined)).toBe(true);
  });

  it.each([
    [`Bearer ${TOKEN}`, true],
    [`bearer ${TOKEN}`, true],
    [`Bearer ${TOKEN} `, true],
    [null, false],
    ["", false],
    [TOKEN, false],
    [`Basic ${TOKEN}`, false],
    [`Bearer ${TOKEN}x`, false],
    [`Bearer ${TOKEN.slice(0, -1)}`, false],
    ["Bearer ", false],
  ])("with a token configured, %j → %s", (authorization, allowed) => {
    expect(metricsScrapeAllowed(authorization, TOKEN)).toBe(allowed);
  });
});
