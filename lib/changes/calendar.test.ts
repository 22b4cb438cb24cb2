import { describe, expect, it } from "vitest";
import { calendarRange, freezeCovers, onDay } from "./calendar";

describe("calendar range", () => {
  it("a week runs Monday to Monday", () => {
    const range = calendarRange("week", new Date("2026-11-26T15:00:00Z"));
    expect(range.from.toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(range.to.toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(range.days).toHaveLength(7);
    expect([range.previous, range.next]).toEqual(["2026-11-16", "2026-11-30"]);
  });

  it("a month covers whole weeks around it", () => {
    const range = calendarRange("month", new Date("2026-11-26T15:00:00Z"));
    expect(range.from.toISOString()).toBe("2026-10-26T00:00:00.000Z");
    expect(range.days).toHaveLength(42); // 1 November is a Sunday, 30 November a Monday
    expect(range.title).toBe("November 2026");
    expect([range.previous, range.next]).toEqual(["2026-10-01", "2026-12-01"]);
  });

  it("puts multi-day items on every day they touch", () => {
    const freeze = { from: new Date("2026-11-24T18:00:00Z"), to: new Date("2026-11-26T06:00:00Z") };
    const days = ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"].map((day) => onDay([freeze], new Date(`${day}T00:00:00Z`), (item) => [item.from, item.to]).length);
    expect(days).toEqual([0, 1, 1, 1, 0]);
  });
});

describe("which freezes paint the calendar", () => {
  const service = { id: "s1", teamId: "t1", domainId: "d1" };
  const freeze = (scope: "ORGANISATION" | "DOMAIN" | "TEAM" | "SERVICE", ids: { serviceId?: string; teamId?: string; domainId?: string } = {}) =>
    ({ scope, serviceId: ids.serviceId ?? null, teamId: ids.teamId ?? null, domainId: ids.domainId ?? null });

  it.each([
    ["an organisation freeze, whole organisation", freeze("ORGANISATION"), null, true],
    ["a one-service freeze, whole organisation", freeze("SERVICE", { serviceId: "s1" }), null, false],
    ["a team freeze, whole organisation", freeze("TEAM", { teamId: "t1" }), null, false],
    ["an organisation freeze, one service", freeze("ORGANISATION"), service, true],
    ["its own service freeze", freeze("SERVICE", { serviceId: "s1" }), service, true],
    ["another service's freeze", freeze("SERVICE", { serviceId: "s2" }), service, false],
    ["its team's freeze", freeze("TEAM", { teamId: "t1" }), service, true],
    ["another team's freeze", freeze("TEAM", { teamId: "t2" }), service, false],
    ["its domain's freeze", freeze("DOMAIN", { domainId: "d1" }), service, true],
    ["a domain freeze, service without a domain", freeze("DOMAIN", { domainId: "d1" }), { ...service, domainId: null }, false],
  ])("%s: %s", (_label, scoped, shown, covers) => {
    expect(freezeCovers(scoped, shown)).toBe(covers);
  });
});
