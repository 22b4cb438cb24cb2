import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { FinalShift } from "../../oncall/shift-engine";
import { DEFAULT_HOURS, type ScheduleShifts } from "../../oncall/who-is-on-call";
import { escalationDueAt, firstPagePlan, nextEscalation, type PageLevel, type RotaFacts } from "./escalation-rules";

const zone = "Europe/London";
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const shift = (personId: string, start: string, end: string, layer: FinalShift["layer"] = "PRIMARY"): FinalShift => ({
  layer, personId, start: at(start), end: at(end), source: "ROTATION", overrideId: null, overrideKind: null, rotationPersonId: personId, leaveIds: [],
});
const schedule = (id: string, shifts: FinalShift[]): ScheduleShifts => ({ id, slug: id, name: `${id} rota`, hours: DEFAULT_HOURS, shifts });
const WEEK = ["2026-11-30T09:00", "2026-12-07T09:00"] as const;
const team = schedule("team", [shift("tia", ...WEEK), shift("sam", ...WEEK, "SECONDARY")]);
const teamNoSecondary = schedule("team", [shift("tia", ...WEEK)]);
const emptyTeam = schedule("team", []);
const domain = schedule("domain", [shift("dan", ...WEEK), shift("dot", ...WEEK, "SECONDARY")]);

const facts = (overrides: Partial<RotaFacts>): RotaFacts => ({
  serviceName: "Checkout", team: { id: "t1", name: "Payments" }, onCallLevel: "TEAM", teamSchedule: team, domainSchedule: domain, leadIds: ["lee"], ...overrides,
});

// Tuesday 1 December 2026: 10:00 is in working hours, 20:00 out of hours; Saturday 5th is a weekend.
const IN_HOURS = at("2026-12-01T10:00");
const EVENING = at("2026-12-01T20:00");
const SATURDAY = at("2026-12-05T12:00");

describe("the first page", () => {
  it.each([
    // case, facts, now, → pages as "level:person|team:outOfHours", or a hold until
    ["99.9% out of hours: the team's primary", facts({}), EVENING, ["0:tia:true"], null],
    ["99.0% out of hours: the domain's primary", facts({ onCallLevel: "DOMAIN" }), EVENING, ["0:dan:true"], null],
    ["95.0% out of hours: held until 09:00 the next working day", facts({ onCallLevel: "NONE" }), EVENING, null, "2026-12-02T09:00"],
    ["95.0% on a Saturday: held until Monday 09:00", facts({ onCallLevel: "NONE" }), SATURDAY, null, "2026-12-07T09:00"],
    ["99.0% without a domain schedule: held", facts({ onCallLevel: "DOMAIN", domainSchedule: null }), EVENING, null, "2026-12-02T09:00"],
    ["in working hours: the team's on-call person, whatever the target", facts({ onCallLevel: "NONE" }), IN_HOURS, ["0:tia:false"], null],
    ["in working hours without a team rota: the whole team", facts({ teamSchedule: null }), IN_HOURS, ["0:team t1:false"], null],
    ["a rota with nobody on it now: the next level that has someone (the leads)", facts({ teamSchedule: emptyTeam }), EVENING, ["2:lee:true"], null],
    ["nobody at all out of hours: held", facts({ teamSchedule: emptyTeam, leadIds: [], domainSchedule: null }), EVENING, null, "2026-12-02T09:00"],
  ] as const)("%s", (_case, input, now, pages, heldUntil) => {
    const plan = firstPagePlan(input, now);
    if (heldUntil) {
      expect(plan.kind).toBe("hold");
      if (plan.kind === "hold") {
        expect(plan.until).toEqual(at(heldUntil));
        expect(plan.reason.length).toBeGreaterThan(20);
      }
      return;
    }
    expect(plan.kind).toBe("page");
    if (plan.kind !== "page") return;
    expect(plan.pages.map((page) => `${page.level}:${page.personId ?? `team ${page.teamId}`}:${page.outOfHours}`)).toEqual(pages);
    for (const page of plan.pages) expect(page.reason).toMatch(/Checkout|Payments/);
  });
});

describe("escalation", () => {
  const round = (highestLevel: PageLevel, paged: string[]) => ({ highestLevel, pagedPersonIds: new Set(paged) });
  it.each([
    // case, facts, now, round so far, → next pages
    ["after the primary: the secondary", facts({}), EVENING, round(0, ["tia"]), ["1:sam"]],
    ["after the secondary: every team lead", facts({ leadIds: ["lee", "lou"] }), EVENING, round(1, ["tia", "sam"]), ["2:lee", "2:lou"]],
    ["after the leads: the domain's primary", facts({}), EVENING, round(2, ["tia", "sam", "lee"]), ["3:dan"]],
    ["no secondary: straight to the lead", facts({ teamSchedule: teamNoSecondary }), EVENING, round(0, ["tia"]), ["2:lee"]],
    ["a lead already paged is skipped", facts({ leadIds: ["tia"] }), EVENING, round(1, ["tia", "sam"]), ["3:dan"]],
    ["99.0% out of hours: the domain schedule's secondary is level 1", facts({ onCallLevel: "DOMAIN" }), EVENING, round(0, ["dan"]), ["1:dot"]],
    ["99.0%, after the leads: the domain's schedule has nobody new, so nobody", facts({ onCallLevel: "DOMAIN" }), EVENING, round(2, ["dan", "dot", "lee"]), null],
    ["after a working-hours team page (no rota): the lead", facts({ teamSchedule: null, leadIds: ["lee"] }), IN_HOURS, round(0, []), ["2:lee"]],
    ["in working hours the team's secondary", facts({}), IN_HOURS, round(0, ["tia"]), ["1:sam"]],
    ["nobody left after the domain's schedule", facts({}), EVENING, round(3, ["tia", "sam", "lee", "dan"]), null],
  ] as const)("%s", (_case, input, now, sofar, expected) => {
    const pages = nextEscalation(input, now, sofar);
    expect(pages ? pages.map((page) => `${page.level}:${page.personId}`) : null).toEqual(expected);
  });

  it.each([
    // step, delays, → minutes after the first page
    [1, { escalateAfterMinutes: 5, escalateAgainAfterMinutes: 15 }, 5],
    [2, { escalateAfterMinutes: 5, escalateAgainAfterMinutes: 15 }, 20],
    [3, { escalateAfterMinutes: 5, escalateAgainAfterMinutes: 15 }, 35],
    [1, { escalateAfterMinutes: 1, escalateAgainAfterMinutes: 30 }, 1],
    [3, { escalateAfterMinutes: 1, escalateAgainAfterMinutes: 30 }, 61],
  ] as const)("escalation %i with %o is due %i minutes after the first page", (step, delays, minutes) => {
    expect(escalationDueAt(EVENING, step, delays).getTime() - EVENING.getTime()).toBe(minutes * 60_000);
  });
});
