import { describe, expect, it } from "vitest";
import { findRepeat, jaccard, similarTitles, titleTokens } from "./repeat-rule";

describe("similarTitles", () => {
  it.each([
    ["Add an alert on queue depth", "Alert on the queue depth", true],
    ["Add alerting on queue depth", "Add alerts for queue depth", true],
    ["Add an alert on queue depth", "Add an alert on disk space", false],
    ["Rotate the database credentials", "Rotate database credentials!", true],
    ["Document the failover runbook", "Run a failover game day", false],
    ["Retries with back-off in the payment client", "Payment client: retries with backoff", false],
    ["Retries with back-off in the payment client", "Retries with back off in payment client", true],
    ["Café menu", "cafe MENU", true],
    ["", "", false],
    ["the of and", "the of and", false],
  ])("%s ~ %s → %s", (a, b, expected) => {
    expect(similarTitles(a, b)).toBe(expected);
  });

  it("folds plurals and -ing/-ed endings and drops filler words", () => {
    expect([...titleTokens("Adding the alerts, tested queues")]).toEqual(["add", "alert", "test", "queue"]);
  });

  it("computes Jaccard on sets", () => {
    expect(jaccard(new Set(["a", "b"]), new Set(["b", "c"]))).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});

describe("findRepeat", () => {
  const earlier = [
    { id: "old-alert", title: "Alert on queue depth", factorTags: ["alerting"], publishedAt: new Date("2026-09-01T00:00:00Z") },
    { id: "newer-alert", title: "Add an alert on queue depth", factorTags: [], publishedAt: new Date("2026-10-01T00:00:00Z") },
    { id: "capacity", title: "Raise the connection pool", factorTags: ["capacity", "database"], publishedAt: new Date("2026-08-01T00:00:00Z") },
  ];
  it.each([
    ["a similar title: the newest match", { title: "Alerts on queue depth", factorTags: [] }, { actionId: "newer-alert", reason: "title" }],
    ["a shared factor tag", { title: "Load test before peak", factorTags: ["capacity"] }, { actionId: "capacity", reason: "tag", tag: "capacity" }],
    ["a title match wins over a tag match", { title: "Alert on queue depth", factorTags: ["capacity"] }, { actionId: "newer-alert", reason: "title" }],
    ["nothing alike", { title: "Write the customer comms template", factorTags: ["comms"] }, null],
  ])("%s", (_name, action, expected) => {
    expect(findRepeat(action, earlier)).toEqual(expected);
  });
  it("finds nothing without earlier actions", () => {
    expect(findRepeat({ title: "Anything", factorTags: ["x"] }, [])).toBeNull();
  });
});
