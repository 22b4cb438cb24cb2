import { describe, expect, it } from "vitest";
import type { UpcomingShift } from "../oncall/views";
import { onCallSummary } from "./oncall-summary";

const person = { id: "p1", name: "Sam Engineer", email: "sam@example.test" };
function shift(scheduleName: string, layer: UpcomingShift["layer"], start: string, end: string): UpcomingShift {
  return {
    scheduleId: scheduleName, scheduleSlug: scheduleName.toLowerCase(), scheduleName, timeZone: "Europe/London",
    layer, person, start: new Date(start), end: new Date(end), source: "ROTATION", onLeave: false,
  };
}

describe("onCallSummary", () => {
  const now = new Date("2026-12-03T20:00:00Z");

  it("says which shifts run now, primary first, and which come next, soonest first", () => {
    const shifts = [
      shift("Checkout", "SECONDARY", "2026-12-03T17:00:00Z", "2026-12-04T09:00:00Z"),
      shift("Payments", "PRIMARY", "2026-12-03T17:00:00Z", "2026-12-04T09:00:00Z"),
      shift("Checkout", "PRIMARY", "2026-12-10T17:00:00Z", "2026-12-11T09:00:00Z"),
      shift("Payments", "PRIMARY", "2026-12-05T17:00:00Z", "2026-12-06T09:00:00Z"),
    ];
    const summary = onCallSummary(shifts, now);
    expect(summary.current.map((s) => `${s.scheduleName} ${s.layer}`)).toEqual(["Payments PRIMARY", "Checkout SECONDARY"]);
    expect(summary.next.map((s) => s.start.toISOString())).toEqual(["2026-12-05T17:00:00.000Z", "2026-12-10T17:00:00.000Z"]);
  });

  it("counts a shift starting exactly now as current and one ending exactly now as over", () => {
    const summary = onCallSummary([
      shift("Checkout", "PRIMARY", "2026-12-03T09:00:00Z", "2026-12-03T20:00:00Z"),
      shift("Checkout", "PRIMARY", "2026-12-03T20:00:00Z", "2026-12-04T09:00:00Z"),
    ], now);
    expect(summary.current.map((s) => s.end.toISOString())).toEqual(["2026-12-04T09:00:00.000Z"]);
    expect(summary.next).toEqual([]);
  });

  it("keeps only the next few shifts", () => {
    const shifts = Array.from({ length: 8 }, (_, day) => shift("Checkout", "PRIMARY", `2026-12-${10 + day}T17:00:00Z`, `2026-12-${11 + day}T09:00:00Z`));
    expect(onCallSummary(shifts, now, 3).next).toHaveLength(3);
    expect(onCallSummary([], now)).toEqual({ current: [], next: [] });
  });
});
