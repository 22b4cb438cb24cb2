import { describe, expect, it } from "vitest";
import { stampsAfter, transitionOutcome } from "./status-transitions";

describe("incident status transitions", () => {
  it.each([
    ["TRIGGERED", "ACKNOWLEDGED", "move"],
    ["TRIGGERED", "RESOLVED", "move"],
    ["ACKNOWLEDGED", "MITIGATED", "move"],
    ["MITIGATED", "RESOLVED", "move"],
    ["RESOLVED", "CLOSED", "move"],
    ["ACKNOWLEDGED", "ACKNOWLEDGED", "replay"],
    ["RESOLVED", "TRIGGERED", "reopen"],
    ["MITIGATED", "ACKNOWLEDGED", "invalid"],
    ["ACKNOWLEDGED", "TRIGGERED", "invalid"],
    ["TRIGGERED", "CLOSED", "invalid"],
    ["CLOSED", "TRIGGERED", "invalid"],
    ["CLOSED", "CLOSED", "replay"],
  ] as const)("%s → %s is %s", (from, to, outcome) => {
    expect(transitionOutcome(from, to)).toBe(outcome);
  });

  const none = { acknowledgedAt: null, mitigatedAt: null, resolvedAt: null, closedAt: null };
  const t0 = new Date("2026-12-01T10:00:00Z");
  const t1 = new Date("2026-12-01T10:30:00Z");

  it("a resolve without acknowledgement stamps every stage passed at the same instant", () => {
    expect(stampsAfter(none, "RESOLVED", t1)).toEqual({ acknowledgedAt: t1, mitigatedAt: t1, resolvedAt: t1, closedAt: null });
  });

  it("keeps earlier stamps and clears them all on a reopen", () => {
    const acked = stampsAfter(none, "ACKNOWLEDGED", t0);
    expect(stampsAfter(acked, "RESOLVED", t1)).toEqual({ acknowledgedAt: t0, mitigatedAt: t1, resolvedAt: t1, closedAt: null });
    expect(stampsAfter(acked, "TRIGGERED", t1)).toEqual(none);
  });
});
