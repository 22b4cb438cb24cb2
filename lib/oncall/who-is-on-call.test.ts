import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { FinalShift } from "./shift-engine";
import { coverAt, DEFAULT_HOURS, type ScheduleShifts } from "./who-is-on-call";

const zone = "Europe/London";
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const shift = (personId: string, start: string, end: string, layer: FinalShift["layer"] = "PRIMARY"): FinalShift => ({
  layer, personId, start: at(start), end: at(end), source: "ROTATION", overrideId: null, overrideKind: null, rotationPersonId: personId, leaveIds: [],
});
const schedule = (slug: string, shifts: FinalShift[]): ScheduleShifts => ({ id: slug, slug, name: slug, hours: DEFAULT_HOURS, shifts });
const team = schedule("team", [shift("tia", "2026-11-23T09:00", "2026-11-30T09:00"), shift("tom", "2026-11-30T09:00", "2026-12-07T09:00")]);
const domain = schedule("domain", [shift("dan", "2026-11-23T09:00", "2026-11-30T09:00"), shift("dot", "2026-11-30T09:00", "2026-12-07T09:00")]);

describe("coverAt", () => {
  it.each([
    // level, instant, cover, primary, until, next
    ["TEAM", "2026-11-24T20:00", "out_of_hours_team", "tia", "2026-11-25T09:00", "tom"],
    ["DOMAIN", "2026-11-24T20:00", "out_of_hours_domain", "dan", "2026-11-25T09:00", "dot"],
    ["NONE", "2026-11-24T20:00", "none", null, "2026-11-25T09:00", null],
    ["TEAM", "2026-11-24T10:00", "in_hours_team", "tia", "2026-11-24T17:00", "tia"],
    ["DOMAIN", "2026-11-24T10:00", "in_hours_team", "tia", "2026-11-24T17:00", "dan"],
    // Saturday: out of hours until Monday 09:00, but the shift hands over on Monday 09:00 too.
    ["TEAM", "2026-11-28T12:00", "out_of_hours_team", "tia", "2026-11-30T09:00", "tom"],
  ] as const)("%s at %s → %s, %s until %s, next %s", (level, instant, cover, primary, until, next) => {
    const answer = coverAt({ level, teamName: "Checkout", team, domain, now: at(instant) });
    expect(answer.cover).toBe(cover);
    expect(answer.primaryId).toBe(primary);
    expect(answer.until).toEqual(at(until));
    expect(answer.next?.personId ?? null).toBe(next);
    expect(answer.reason.length).toBeGreaterThan(10);
  });

  it("says a 99.9% service has no cover when its team has no schedule", () => {
    const answer = coverAt({ level: "TEAM", teamName: "Checkout", team: null, domain, now: at("2026-11-24T20:00") });
    expect(answer).toMatchObject({ cover: "none", primaryId: null });
    expect(answer.reason).toMatch(/team has none/);
  });
});
